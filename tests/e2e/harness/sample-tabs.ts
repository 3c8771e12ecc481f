/**
 * Pages shaped like Zoom's web sample (zoom/meetingsdk-web-sample, Local/): the index page asks
 * its own endpoint for a signature, then `window.open`s `meeting.html?…&signature=…`, and the
 * join runs there with the real SDK 6.2.0 (client view, CDN style).
 *
 *   server.setPage('/index.html', sampleIndexPage('/api/signature'));
 *   server.setPage('/meeting.html', sampleMeetingPage());
 *   await index.evaluate(() => (window as any).openMeeting());   // → a new tab; its window.joined resolves
 */
import { clientViewPage } from './sdk-pages';
import { MEETING_NUMBER } from './signatures';

export function sampleIndexPage(endpoint: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Zoom Meeting SDK sample</title></head><body>
<h1>Zoom Meeting SDK Sample</h1>
<script>
// As the sample's index.js: POST the meeting number to the signature endpoint, then open meeting.html.
window.openMeeting = async () => {
  const r = await fetch(${JSON.stringify(endpoint)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ meetingNumber: '${MEETING_NUMBER}', role: 0 }) });
  const { signature } = await r.json();
  const q = new URLSearchParams({ name: 'e2e', mn: '${MEETING_NUMBER}', pwd: '', role: '0', lang: 'en-US', signature });
  window.open('/meeting.html?' + q.toString(), '_blank');
  return signature;
};
</script></body></html>`;
}

/** Joins at load with the signature from its own URL; `window.joined` resolves with what the page saw. */
export function sampleMeetingPage(): string {
  const auto = `<script>
window.joined = window.joinNow(new URLSearchParams(location.search).get('signature'));
</script></body>`;
  return clientViewPage().replace('</body>', auto);
}
