import { confirmLeave } from './components/use-form.js';

/** Moves the user to another step of the journey (the shell listens to popstate). */
export function goTo(path: string): void {
  if (!confirmLeave(document.documentElement.lang === 'en' ? 'en' : 'zh')) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}
