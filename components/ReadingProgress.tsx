import { usePanel } from './state/store';
import { cancelHarRead } from './state/har-import';

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0);
}

/**
 * A HAR being read: how far (a bar and "41 of 212 MB"), and Cancel. A 200 MB file takes seconds
 * to read; the user sees it move and can stop it (the worker is ended, nothing half-read is shown).
 */
export function ReadingProgress() {
  const reading = usePanel((s) => s.reading);
  if (!reading) return null;
  const share = reading.total > 0 ? Math.min(1, reading.bytes / reading.total) : 0;
  return (
    <div className="banner info reading" role="status" data-testid="reading-progress">
      <span className="reading-name">
        {reading.doing ?? 'Reading'} {reading.fileName}
      </span>
      <progress max={1} value={share} aria-label={`${reading.doing ?? 'Reading'} ${reading.fileName}`} data-testid="reading-bar" />
      <span className="reading-count" data-testid="reading-count">
        {mb(reading.bytes)} of {mb(reading.total)} MB
      </span>
      <button className="tool-btn" data-testid="reading-cancel" onClick={cancelHarRead} title="Stop; nothing half-done is shown or saved">
        Cancel
      </button>
    </div>
  );
}
