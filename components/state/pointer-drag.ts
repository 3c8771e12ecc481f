/**
 * A drag that follows the pointer until it is released, captured to the element that started it so
 * it keeps following outside (a column edge, the log/inspector divider).
 */
export function followPointer(target: HTMLElement, pointerId: number, onMove: (ev: PointerEvent) => void): void {
  target.setPointerCapture?.(pointerId);
  const up = () => {
    target.removeEventListener('pointermove', onMove);
    target.removeEventListener('pointerup', up);
    target.removeEventListener('pointercancel', up);
  };
  target.addEventListener('pointermove', onMove);
  target.addEventListener('pointerup', up);
  target.addEventListener('pointercancel', up);
}
