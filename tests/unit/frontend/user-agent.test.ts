import { describe, expect, it } from 'vitest';
import { describeUserAgent } from '../../../frontend/src/lib/user-agent.js';

describe('describeUserAgent', () => {
  it('names browser and system of common User-Agent headers', () => {
    expect(describeUserAgent('Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0')).toBe('Firefox on Android');
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('Safari on iPhone');
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0')).toBe('Edge on Windows');
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(describeUserAgent('curl/8.5.0')).toBe('curl');
  });

  it('falls back to the raw text, shortened, or says it is unknown', () => {
    expect(describeUserAgent(null)).toBe('Unknown client');
    expect(describeUserAgent('home-script/1.0')).toBe('home-script/1.0');
    expect(describeUserAgent('x'.repeat(100))).toHaveLength(58);
  });
});
