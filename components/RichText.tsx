/**
 * Rule text with its `code` spans rendered as code, as the rules write them (backticks). One pass
 * over the text; an unpaired backtick stays a character. Text only: nothing becomes markup.
 */
export function RichText({ text }: { text: string }) {
  const parts: Array<string | { code: string }> = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    const close = open < 0 ? -1 : text.indexOf('`', open + 1);
    if (open < 0 || close < 0) {
      parts.push(text.slice(i));
      break;
    }
    if (open > i) parts.push(text.slice(i, open));
    parts.push({ code: text.slice(open + 1, close) });
    i = close + 1;
  }
  return (
    <>
      {parts.map((p, k) => (typeof p === 'string' ? p : <code key={k}>{p.code}</code>))}
    </>
  );
}
