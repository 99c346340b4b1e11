import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

export const LangContext = createContext<Lang>('zh');

/** `t('中文', 'English')`: Chinese first, English when the user switched. */
export function useT(): (zh: string, en: string) => string {
  const lang = useContext(LangContext);
  return (zh, en) => (lang === 'en' ? en : zh);
}

export function useLang(): Lang {
  return useContext(LangContext);
}
