/**
 * Runs code inside the extension's content-script world of a page (the relay's ISOLATED world),
 * through CDP: what a compromised or forged content script could do, with no test-only code in
 * the shipped build.
 *
 *   const world = await isolatedWorld(page, b.extensionId);
 *   const reply = await world.evaluate(`chrome.runtime.sendMessage({...})`);
 */
import type { Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

export interface IsolatedWorld {
  /** Evaluates an expression (awaited when it is a promise) and returns its JSON value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function isolatedWorld(page: Page, extensionId: string): Promise<IsolatedWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const mainFrame = ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
  const deadline = Date.now() + 10_000;
  let ctx: ExecutionContext | undefined;
  while (!(ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === mainFrame && c.origin === `chrome-extension://${extensionId}`))) {
    if (Date.now() > deadline) throw new Error(`no content-script world of ${extensionId} in ${page.url()} (saw ${JSON.stringify(contexts.map((c) => [c.name, c.origin, c.auxData?.type]))})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const contextId = ctx.id;
  return {
    async evaluate<T>(expression: string) {
      const r = (await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      return r.result.value as T;
    },
    close: () => cdp.detach(),
  };
}
