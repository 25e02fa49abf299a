import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('loadConfig', () => {
  it('has working defaults with an empty environment', () => {
    const c = loadConfig({}, '/app');
    expect(c.dbPath).toBe('/app/data/digest.db');
    expect(c.cron).toBe('0 9 * * 1');
    expect(c.timezone).toBe('Asia/Shanghai');
    expect(c.telegram).toBeNull();
    expect(c.slack).toBeNull();
  });

  it('fails with the name of a bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ TELEGRAM_ADMIN_IDS: '12,abc' })).toThrow(/TELEGRAM_ADMIN_IDS/);
    expect(() => loadConfig({ SLACK_ADMIN_USERS: 'U012AB3CD,alice' })).toThrow(/SLACK_ADMIN_USERS/);
    expect(() => loadConfig({ DIGEST_EMPTY: 'sometimes' })).toThrow(/DIGEST_EMPTY/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN/);
  });

  it('turns platform tokens into platform settings', () => {
    const c = loadConfig(
      {
        TELEGRAM_BOT_TOKEN: '1:abc',
        TELEGRAM_ADMIN_IDS: '1, 2',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        SLACK_ADMIN_USERS: 'U012AB3CD, W0ABC',
        PORT: '8080',
      },
      '/app',
    );
    expect(c.telegram).toMatchObject({ token: '1:abc', adminIds: ['1', '2'], port: 8080 });
    expect(c.slack).toMatchObject({ botToken: 'xoxb-1', signingSecret: 's', appToken: null, port: 8080 });
    expect(c.slack?.adminUsers).toEqual(['U012AB3CD', 'W0ABC']);
  });

  it('validates cron and time zone and reports every problem at once, each with its variable', () => {
    let error: ConfigError | null = null;
    try {
      loadConfig({ DIGEST_CRON: 'bogus', DIGEST_TZ: 'Mars/Olympus', PORT: 'eighty' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.variable).sort()).toEqual(['DIGEST_CRON', 'DIGEST_TZ', 'PORT']);
    expect(error!.message.split('\n')).toHaveLength(3);
  });

  it('treats empty values as unset (a copied .env.example)', () => {
    const c = loadConfig(
      { TELEGRAM_BOT_TOKEN: '', TELEGRAM_WEBHOOK_URL: '', TELEGRAM_WEBHOOK_PORT: '', SLACK_API_URL: ' ' },
      '/app',
    );
    expect(c.telegram).toBeNull();
    expect(c.slack).toBeNull();
  });
});
