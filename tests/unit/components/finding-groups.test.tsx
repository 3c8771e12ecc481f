// @vitest-environment happy-dom
/**
 * The Inspector groups findings by where they come from once a join has more than token findings
 * (a deleted meeting's 3707 beside a clock warning): the developer sees "Zoom's answer" apart from
 * "token", the group with the most severe finding first, and the claim table's anchors still land.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FindingList } from '../../../components/FindingList';
import type { Finding } from '../../../lib/rules/types';
import { render, type Rendered } from './render';
import type { FindingId } from '../../../lib/rules/ids';

let r: Rendered | undefined;
afterEach(() => r?.unmount());

const f = (id: FindingId, severity: Finding['severity'], origin?: Finding['origin']): Finding => ({ id, severity, title: id, message: `${id} measured.`, fix: 'fix it', ...(origin ? { origin } : {}) });

describe('findings grouped by origin', () => {
  it('token-only findings stay one plain list (no headings)', async () => {
    r = await render(<FindingList findings={[f('iat-future', 'error'), f('clock-skew', 'warning')]} emptyText="none" />);
    expect(r.container.querySelectorAll('[data-testid="finding-group"]')).toHaveLength(0);
    expect(r.container.querySelectorAll('[data-testid="finding"]')).toHaveLength(2);
  });

  it("a 3707 beside a token warning shows Zoom's answer first, then token; anchors keep the engine's index", async () => {
    const list = [f('answer-signature-rejected', 'error', 'answer'), f('args-passcode-encoded', 'warning', 'arguments'), f('clock-skew', 'warning'), f('page-thing' as FindingId, 'info', 'page')];
    r = await render(<FindingList findings={list} emptyText="none" />);
    const groups = [...r.container.querySelectorAll('[data-testid="finding-group"]')];
    expect(groups.map((g) => g.getAttribute('data-origin'))).toEqual(['answer', 'arguments', 'token', 'page']);
    expect(groups.map((g) => g.querySelector('h4')!.textContent)).toEqual(["Zoom's answer (1)", 'join arguments (1)', 'token (1)', 'page (1)']);
    expect(r.container.querySelector('#finding-clock-skew-2')).not.toBeNull();
    expect(r.container.querySelector('#finding-page-thing-3')?.getAttribute('data-origin')).toBe('page');
  });
});
