// @vitest-environment happy-dom
/**
 * Redaction everywhere on screen: Zoom's web sample opens `meeting.html?…&signature=<JWT>&pwd=…`
 * and joins there, so the page URL in the Join arguments table carried the full JWT, HMAC and all.
 * Whatever renders a URL, a request body or an argument masks JWT signatures and passcodes the
 * same way the exports do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JoinArgumentsTable } from '../../../components/JoinArgumentsTable';
import { redactForDisplay } from '../../../lib/report/redact';
import { makeAttempt } from './fixtures';
import { render, type Rendered } from './render';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBLZXkiOiJLIiwibW4iOiIxMjMifQ.S3cr3tHmacSegmentXyZ0123456789abcdefABCDEF';
const MAC = JWT.split('.')[2]!;
const SAMPLE_MEETING_URL = `http://127.0.0.1:9999/meeting.html?name=dGVzdA%3D%3D&mn=123&email=&pwd=Pa55code&role=0&lang=en-US&signature=${JWT}&china=0&sdkKey=K`;

let r: Rendered | undefined;
afterEach(() => r?.unmount());

describe('URLs, bodies and arguments as shown on screen', () => {
  it("Zoom's web-sample meeting URL loses the JWT's HMAC and the passcode, keeps the rest readable", () => {
    const shown = redactForDisplay(SAMPLE_MEETING_URL);
    expect(shown).not.toContain(MAC);
    expect(shown).not.toContain('Pa55code');
    expect(shown).toContain('pwd=<redacted>');
    expect(shown).toContain('signature=<redacted>');
    expect(shown).toContain('/meeting.html?name=dGVzdA%3D%3D&mn=123');
    expect(shown).toContain('sdkKey=K');
  });

  it('a wc/info form body (first field without "?") masks passWord and the signature segment', () => {
    const shown = redactForDisplay(`passWord=hunter2&meetingNumber=123&signature=${JWT}&userName=e2e`);
    expect(shown).toBe('passWord=<redacted>&meetingNumber=123&signature=<redacted>&userName=e2e');
  });

  it('a JWT in free text keeps header and payload for diagnosis, drops only the HMAC', () => {
    const [h, p] = JWT.split('.');
    expect(redactForDisplay(`join with ${JWT} failed`)).toBe(`join with ${h}.${p}.<redacted> failed`);
  });

  it('the Join arguments table never shows the HMAC or passcode from the page, frame or issuer URL', async () => {
    const a = makeAttempt(JWT, {
      pageUrl: SAMPLE_MEETING_URL,
      frameUrl: `${SAMPLE_MEETING_URL}&frame=1`,
      issuer: { url: `http://127.0.0.1:9999/api/signature?token=${JWT}&passcode=Pa55code`, method: 'POST', receivedAt: 0 },
    });
    r = await render(<JoinArgumentsTable attempt={a} />);
    const text = r.container.textContent ?? '';
    expect(text).toContain('/meeting.html?name=dGVzdA%3D%3D');
    expect(text).toContain('/api/signature?token=<redacted>');
    expect(text).not.toContain(MAC);
    expect(text).not.toContain('Pa55code');
  });
});
