import { ConfigError } from '../../src/errors.js';
import { type COMMAND_REGISTRY, COMMAND_SPECS, type CommandName } from '../../src/service/commands/command-registry.js';
import { renameCommandRefs } from '../../src/service/reply/command-ref.js';
import type { Reply } from '../../src/service/reply/reply-model.js';

/** Service commands Slack gives a slash command of their own (the registry's `slack: 'own'`). */
type OwnCommand = { [K in CommandName]: (typeof COMMAND_REGISTRY)[K] extends { slack: 'own' } ? K : never }[CommandName];

/**
 * The slash commands the app registers (workspace-global, hence configurable): one per own command (Slack
 * reserves `/search`, so that one defaults to `/reportsearch`), and `/digest` for the rest
 * (`/digest subscribe 四川` → `/subscribe 四川`).
 */
export type SlackCommandNames = Record<OwnCommand | 'digest', string>;

/** Default names, as in the manifest. */
export const DEFAULT_COMMAND_NAMES: SlackCommandNames = {
  report: '/report',
  compare: '/compare',
  trend: '/trend',
  search: '/reportsearch',
  digest: '/digest',
};

const OWN: ReadonlySet<CommandName> = new Set(COMMAND_SPECS.flatMap(([name, spec]) => (spec.slack === 'own' ? [name] : [])));

/** Merges overrides onto the defaults; names get a leading slash and must be valid, distinct Slack commands. */
export function resolveCommandNames(overrides: Partial<SlackCommandNames> = {}): SlackCommandNames {
  const names = { ...DEFAULT_COMMAND_NAMES };
  for (const key of Object.keys(names) as (keyof SlackCommandNames)[]) {
    const given = overrides[key]?.trim();
    if (!given) continue;
    const name = (given.startsWith('/') ? given : `/${given}`).toLowerCase();
    if (!/^\/[a-z0-9_\-\p{L}]{1,31}$/u.test(name))
      throw new ConfigError('SLACK_COMMANDS', `invalid slash command name “${given}”`);
    names[key] = name;
  }
  if (new Set(Object.values(names)).size !== Object.keys(names).length) {
    throw new ConfigError('SLACK_COMMANDS', 'slash command names must be distinct');
  }
  return names;
}

/** Slack's name for a service command: its own slash command, or a `/digest` sub-command. */
function slackCommandName(names: SlackCommandNames, name: CommandName): string {
  if (OWN.has(name)) return names[name as OwnCommand];
  return `${names.digest} ${name === 'start' ? 'help' : name}`;
}

/** The reply with every command it names written as Slack's command (help, errors, hints). */
export function withSlackNames(reply: Reply, names: SlackCommandNames): Reply {
  return renameCommandRefs(reply, (name) => slackCommandName(names, name));
}

/** Undoes Slack's escaping of `&`, `<` and `>` in message and command text (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Turns a slash command and its text into the service's command line. */
export function toServiceLine(command: keyof SlackCommandNames, text: string): string {
  const rest = unescapeSlack(text).trim();
  if (command === 'digest') {
    // `/digest` alone or `/digest help` → help; otherwise the first word is the service command.
    return rest ? `/${rest.replace(/^[/／]+/, '')}` : '/help';
  }
  return rest ? `/${command} ${rest}` : `/${command}`;
}
