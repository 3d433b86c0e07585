// What leaves the app is only what a task needs. Before user text goes to the model, Slack
// mentions and ids, email addresses and what reads as a person's name are swapped for
// placeholders ("[person 1]"); the model works on the placeholders, and they are swapped
// back in its answer, so the user sees their own words and the server never did.

// <@U123>, <@U123|sam>, <#C123|general>, <!subteam^S123|@team>, <!here>.
const SLACK_TOKEN = /<[@#!][^>]*>/g;
// A bare Slack id pasted as text: U/W/C/G/D/S/T followed by 8+ upper-case alphanumerics.
const SLACK_ID = /\b[UWCGDST][A-Z0-9]{8,}\b/g;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
// A capitalised word inside a sentence is usually a name: "paired with Priya", "Sam's RFC".
// Words that open a sentence or follow a list marker are left alone.
const NAME = /(?<=[a-z0-9,;:)\]] )[A-Z][a-z]{1,}(?:['’]s)?\b/g;
// Capitalised words inside sentences that are not names and help the model read the text.
const NOT_NAMES = new Set([
  'I', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Q1', 'Q2', 'Q3', 'Q4',
  'Staff', 'Senior', 'Principal', 'Engineer', 'Engineering', 'Manager', 'Director', 'Slack', 'Jira', 'GitHub', 'Google',
  'Kubernetes', 'Kafka', 'Postgres', 'PostgreSQL', 'Redis', 'Python', 'Java', 'Go', 'Rust', 'TypeScript', 'JavaScript',
  'React', 'Terraform', 'Datadog', 'Grafana',
]);

const ANY = new RegExp(`(${SLACK_TOKEN.source})|(${EMAIL.source})|(${SLACK_ID.source})|${NAME.source}`, 'g');

export interface Masked {
  text: string;
  /** Puts the originals back into text the model wrote. */
  restore(text: string): string;
}

/** One masker per request, so "[person 1]" means the same person in every field it sends. */
export function createMasker() {
  const originals = new Map<string, string>();
  const byOriginal = new Map<string, string>();
  const counters = { person: 0, channel: 0, email: 0, id: 0 };
  const placeholder = (kind: keyof typeof counters, original: string): string => {
    const bare = original.replace(/['’]s$/, '');
    const known = byOriginal.get(bare);
    const suffix = bare === original ? '' : original.slice(bare.length);
    if (known) return `${known}${suffix}`;
    counters[kind] += 1;
    const mark = `[${kind} ${counters[kind]}]`;
    originals.set(mark, bare);
    byOriginal.set(bare, mark);
    return `${mark}${suffix}`;
  };
  const kindOfToken = (token: string): keyof typeof counters => (token.startsWith('<#') ? 'channel' : token.startsWith('<@') ? 'person' : 'id');
  return {
    /** One pass, so placeholders are numbered in the order the text names them. */
    mask(text: string): string {
      return text.replace(ANY, (match, token?: string, email?: string, id?: string) => {
        if (token) return placeholder(kindOfToken(token), token);
        if (email) return placeholder('email', email);
        if (id) return placeholder('id', id);
        return NOT_NAMES.has(match.replace(/['’]s$/, '')) ? match : placeholder('person', match);
      });
    },
    restore(text: string): string {
      return text.replace(/\[(?:person|channel|email|id) \d+\]/g, (mark) => originals.get(mark) ?? mark);
    },
  };
}

export function maskText(text: string): Masked {
  const masker = createMasker();
  return { text: masker.mask(text), restore: (t) => masker.restore(t) };
}
