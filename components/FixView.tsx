import { useMemo, useState } from 'react';
import { LANG_LABEL, splitLangFix, type Lang } from '../lib/rules/lang';
import { RichText } from './RichText';
import { saveFixLanguage, savedFixLanguage } from './state/fix-language';

/**
 * A fix in the backend's own language: the line for the language the token (or, failing that, the
 * session's other tokens) gave away, code as code, and every other language one click away. A fix
 * without per-language lines reads as one paragraph.
 */
export function FixView({ fix, sessionLang, testId = 'answer-fix' }: { fix: string; sessionLang: Lang | null; testId?: string }) {
  const parts = useMemo(() => splitLangFix(fix), [fix]);
  const [chosen, setChosen] = useState<Lang | null>(null);
  if (!parts) {
    return (
      <p className="fix-text" data-testid={testId} data-lang="">
        <b>Fix:</b> <RichText text={fix} />
      </p>
    );
  }
  const detected = parts.guess?.lang ?? sessionLang;
  const lang = chosen ?? detected ?? savedFixLanguage() ?? parts.lines[0]!.lang;
  const line = parts.lines.find((l) => l.lang === lang) ?? parts.lines[0]!;
  const why = parts.guess
    ? `Detected from the token: ${parts.guess.evidence}.`
    : detected
      ? 'Detected from the session’s other tokens.'
      : 'The token does not show its backend language: pick yours.';
  return (
    <div className="fix-view" data-testid={testId} data-lang={line.lang} data-detected={detected ?? ''}>
      <p className="fix-intro">
        <b>Fix:</b> <RichText text={parts.intro} />
      </p>
      <p className="fix-code" data-testid="fix-line">
        <span className="fix-lang">{LANG_LABEL[line.lang]}</span> <RichText text={line.text} />
      </p>
      <div className="fix-langs" role="group" aria-label="Show the fix in another backend language">
        {parts.lines.map((l) => (
          <button
            key={l.lang}
            type="button"
            className="chip"
            aria-pressed={l.lang === line.lang}
            data-lang={l.lang}
            title={l.lang === detected ? `${LANG_LABEL[l.lang]} (detected)` : `The fix in ${LANG_LABEL[l.lang]}`}
            onClick={() => {
              setChosen(l.lang);
              saveFixLanguage(l.lang);
            }}
          >
            {LANG_LABEL[l.lang]}
            {l.lang === detected ? ' ✓' : ''}
          </button>
        ))}
      </div>
      <p className="note" data-testid="fix-language-source">
        {why}
      </p>
    </div>
  );
}
