import { msg, str } from './i18n.js';

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/HeadlessChrome\//, 'Headless Chrome'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/^curl\//, 'curl'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox on Android" from a User-Agent header, so a person can tell their sessions apart; the raw text when unknown. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return msg('Unknown client', { id: 'sessions.unknown-client' });
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return msg(str`${browser} on ${system}`, { id: 'sessions.browser-on' });
  return browser ?? system ?? (userAgent.length > 60 ? `${userAgent.slice(0, 57)}…` : userAgent);
}
