import { fieldId } from './requests';

/**
 * Moves the focus to a field of the form once React has drawn it: a new row, the row before a removed
 * one, or the field an error summary link names. Scrolled to the middle, so its label is in view too.
 */
export function focusField(path: string): void {
  requestAnimationFrame(() => {
    const node = document.getElementById(fieldId(path));
    if (!node) return;
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: 'center' });
  });
}
