import { createContext, type ParentProps, useContext } from 'solid-js';
import { createSite } from './site';

type Site = ReturnType<typeof createSite>;
const SiteContext = createContext<Site>();

export function SiteProvider(props: ParentProps<{ value?: Site }>) {
  const value = props.value ?? createSite();
  return <SiteContext.Provider value={value}>{props.children}</SiteContext.Provider>;
}

export function useSite(): Site {
  const value = useContext(SiteContext);
  if (!value) throw new Error('useSite outside SiteProvider');
  return value;
}
