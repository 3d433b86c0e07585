// Block Kit limits, checked the way Slack's API checks them, so that a view or
// message that Slack would reject (or silently truncate) fails a test here
// instead of failing in a workspace. Limits: /work/shared/docs/platform-notes.md.

/** Modal `title`, `submit` and `close` text. */
export const MODAL_TEXT_MAX = 24;
export const VIEW_BLOCKS_MAX = 100;
export const MESSAGE_BLOCKS_MAX = 50;
export const PRIVATE_METADATA_MAX = 3000;
/** `callback_id`, `block_id`, `action_id` (and a view's `external_id`). */
export const ID_MAX = 255;
export const SECTION_TEXT_MAX = 3000;
export const SECTION_FIELD_TEXT_MAX = 2000;
export const SECTION_FIELDS_MAX = 10;
export const HEADER_TEXT_MAX = 150;
export const PLAIN_TEXT_INPUT_MAX_LENGTH = 3000;
export const SELECT_OPTIONS_MAX = 100;
/** checkboxes and radio_buttons accept far fewer options than selects. */
export const CHOICE_OPTIONS_MAX = 10;
export const OVERFLOW_OPTIONS_MAX = 5;
export const OPTION_TEXT_MAX = 75;
/** Slack documents 150; the project keeps values ≤ 75 (platform notes). */
export const OPTION_VALUE_MAX = 75;
export const BUTTON_TEXT_MAX = 75;
export const BUTTON_VALUE_MAX = 2000;
export const CONTEXT_ELEMENTS_MAX = 10;
export const ACTIONS_ELEMENTS_MAX = 25;
export const INPUT_LABEL_MAX = 2000;
export const PLACEHOLDER_MAX = 150;
/** Slack rejects a view whose JSON is over 250 kB; counted in bytes, decimal kB to stay on the safe side. */
export const VIEW_BYTES_MAX = 250_000;

export const KNOWN_BLOCK_TYPES: ReadonlySet<string> = new Set([
  'actions', 'alert', 'card', 'carousel', 'container', 'context', 'context_actions', 'data_table',
  'divider', 'file', 'header', 'image', 'input', 'markdown', 'plan', 'rich_text', 'section', 'table',
  'task_card', 'video',
]);

type Json = Record<string, unknown>;

const SELECTS_WITH_OPTIONS = new Set(['static_select', 'multi_static_select']);
const CHOICES = new Set(['checkboxes', 'radio_buttons']);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Arguments arrive from the fake Web API either parsed or as the JSON string the WebClient sent. */
function parseMaybeJson(value: unknown, path: string, out: string[]): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    out.push(`${path} is not valid JSON`);
    return undefined;
  }
}

class Checker {
  readonly violations: string[] = [];
  private readonly blockIds = new Map<string, string>();

  add(message: string): void {
    this.violations.push(message);
  }

  /** A composition text object; `plainOnly` where Slack accepts only plain_text. */
  text(value: unknown, path: string, opts: { max?: number; plainOnly?: boolean } = {}): void {
    if (!isObject(value)) {
      this.add(`${path} must be a text object ({ type, text }), got ${describe(value)}`);
      return;
    }
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn') {
      this.add(`${path}.type must be "plain_text" or "mrkdwn", got ${describe(value.type)}`);
    } else if (opts.plainOnly && value.type !== 'plain_text') {
      this.add(`${path}.type must be "plain_text", got "${value.type}"`);
    }
    if (typeof value.text !== 'string') {
      this.add(`${path}.text is missing`);
      return;
    }
    // Slack answers invalid_blocks for an empty text object ("must be more than 0 characters").
    if (value.text.length === 0) this.add(`${path}.text must not be empty`);
    if (opts.max !== undefined) this.length(value.text, `${path}.text`, opts.max);
  }

  length(value: unknown, path: string, max: number): void {
    if (typeof value === 'string' && value.length > max) {
      this.add(`${path} is ${value.length} characters (max ${max})`);
    }
  }

  id(value: unknown, path: string): void {
    if (value === undefined) return;
    if (typeof value !== 'string') {
      this.add(`${path} must be a string, got ${describe(value)}`);
      return;
    }
    this.length(value, path, ID_MAX);
  }

  blocks(value: unknown, path: string, max: number): void {
    if (!Array.isArray(value)) {
      this.add(`${path} must be an array, got ${describe(value)}`);
      return;
    }
    if (value.length > max) this.add(`${path} has ${value.length} blocks (max ${max})`);
    value.forEach((block, i) => this.block(block, `${path}[${i}]`));
  }

  private block(block: unknown, path: string): void {
    if (!isObject(block)) {
      this.add(`${path} must be an object, got ${describe(block)}`);
      return;
    }
    if (typeof block.type !== 'string') {
      this.add(`${path}.type is missing`);
      return;
    }
    if (!KNOWN_BLOCK_TYPES.has(block.type)) {
      this.add(`${path}.type "${block.type}" is not a Block Kit block type`);
      return;
    }
    this.id(block.block_id, `${path}.block_id`);
    if (typeof block.block_id === 'string') {
      const first = this.blockIds.get(block.block_id);
      if (first !== undefined) this.add(`${path}.block_id "${block.block_id}" duplicates ${first}.block_id`);
      else this.blockIds.set(block.block_id, path);
    }
    const actionIds = new Map<string, string>();
    const element = (el: unknown, elPath: string): void => this.element(el, elPath, actionIds);

    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined) {
          this.add(`${path} needs text or fields`);
        }
        if (block.text !== undefined) this.text(block.text, `${path}.text`, { max: SECTION_TEXT_MAX });
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields)) {
            this.add(`${path}.fields must be an array`);
          } else {
            if (block.fields.length > SECTION_FIELDS_MAX) {
              this.add(`${path}.fields has ${block.fields.length} items (max ${SECTION_FIELDS_MAX})`);
            }
            block.fields.forEach((f, i) => this.text(f, `${path}.fields[${i}]`, { max: SECTION_FIELD_TEXT_MAX }));
          }
        }
        if (block.accessory !== undefined) element(block.accessory, `${path}.accessory`);
        break;
      }
      case 'header':
        this.text(block.text, `${path}.text`, { max: HEADER_TEXT_MAX, plainOnly: true });
        break;
      case 'actions':
        this.elementList(block.elements, `${path}.elements`, ACTIONS_ELEMENTS_MAX, element);
        break;
      case 'context':
        this.elementList(block.elements, `${path}.elements`, CONTEXT_ELEMENTS_MAX, (el, elPath) => {
          if (isObject(el) && (el.type === 'plain_text' || el.type === 'mrkdwn')) this.text(el, elPath);
          else element(el, elPath);
        });
        break;
      case 'context_actions':
        this.elementList(block.elements, `${path}.elements`, ACTIONS_ELEMENTS_MAX, element);
        break;
      case 'input':
        if (block.label === undefined) this.add(`${path}.label is missing (input blocks need a label)`);
        else this.text(block.label, `${path}.label`, { max: INPUT_LABEL_MAX, plainOnly: true });
        if (block.hint !== undefined) this.text(block.hint, `${path}.hint`, { max: INPUT_LABEL_MAX, plainOnly: true });
        if (block.element === undefined) this.add(`${path}.element is missing (input blocks need an element)`);
        else element(block.element, `${path}.element`);
        break;
      case 'image':
        if (typeof block.alt_text !== 'string') this.add(`${path}.alt_text is missing`);
        if (block.title !== undefined) this.text(block.title, `${path}.title`, { plainOnly: true });
        break;
      case 'markdown':
        if (typeof block.text !== 'string') this.add(`${path}.text is missing`);
        break;
      default:
        // divider, file, rich_text, video and the newer layout blocks carry no limit we check.
        break;
    }
  }

  private elementList(
    value: unknown,
    path: string,
    max: number,
    visit: (el: unknown, path: string) => void,
  ): void {
    if (!Array.isArray(value)) {
      this.add(`${path} must be an array, got ${describe(value)}`);
      return;
    }
    if (value.length > max) this.add(`${path} has ${value.length} elements (max ${max})`);
    value.forEach((el, i) => visit(el, `${path}[${i}]`));
  }

  private element(el: unknown, path: string, actionIds: Map<string, string>): void {
    if (!isObject(el)) {
      this.add(`${path} must be an object, got ${describe(el)}`);
      return;
    }
    if (typeof el.type !== 'string') {
      this.add(`${path}.type is missing`);
      return;
    }
    this.id(el.action_id, `${path}.action_id`);
    if (typeof el.action_id === 'string') {
      // Slack requires action_id to be unique among the interactive elements of one block.
      const first = actionIds.get(el.action_id);
      if (first !== undefined) this.add(`${path}.action_id "${el.action_id}" duplicates ${first}.action_id in the same block`);
      else actionIds.set(el.action_id, path);
    }
    if (el.placeholder !== undefined) {
      this.text(el.placeholder, `${path}.placeholder`, { max: PLACEHOLDER_MAX, plainOnly: true });
    }
    if (el.confirm !== undefined) this.confirm(el.confirm, `${path}.confirm`);

    switch (el.type) {
      case 'button':
        this.text(el.text, `${path}.text`, { max: BUTTON_TEXT_MAX, plainOnly: true });
        this.length(el.value, `${path}.value`, BUTTON_VALUE_MAX);
        break;
      case 'plain_text_input': {
        const maxLength = typeof el.max_length === 'number' ? el.max_length : PLAIN_TEXT_INPUT_MAX_LENGTH;
        if (maxLength > PLAIN_TEXT_INPUT_MAX_LENGTH) {
          this.add(`${path}.max_length is ${maxLength} (max ${PLAIN_TEXT_INPUT_MAX_LENGTH})`);
        }
        if (typeof el.min_length === 'number' && el.min_length > maxLength) {
          this.add(`${path}.min_length ${el.min_length} is greater than max_length ${maxLength}`);
        }
        if (typeof el.initial_value === 'string' && el.initial_value.length > maxLength) {
          this.add(`${path}.initial_value is ${el.initial_value.length} characters (max_length ${maxLength})`);
        }
        break;
      }
      case 'overflow':
        this.options(el.options, `${path}.options`, OVERFLOW_OPTIONS_MAX, true);
        break;
      case 'datepicker':
        if (el.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(el.initial_date))) {
          this.add(`${path}.initial_date must be YYYY-MM-DD, got ${describe(el.initial_date)}`);
        }
        break;
      case 'timepicker':
        if (el.initial_time !== undefined && !/^\d{2}:\d{2}$/.test(String(el.initial_time))) {
          this.add(`${path}.initial_time must be HH:mm, got ${describe(el.initial_time)}`);
        }
        break;
      default:
        break;
    }

    if (SELECTS_WITH_OPTIONS.has(el.type) || CHOICES.has(el.type)) {
      const isChoice = CHOICES.has(el.type);
      const max = isChoice ? CHOICE_OPTIONS_MAX : SELECT_OPTIONS_MAX;
      // Selects only render plain_text options; checkboxes and radio buttons also take mrkdwn.
      const plainOnly = !isChoice;
      if (el.options === undefined && el.option_groups === undefined) {
        this.add(`${path} needs options${isChoice ? '' : ' or option_groups'}`);
      }
      if (el.options !== undefined) this.options(el.options, `${path}.options`, max, plainOnly);
      if (el.option_groups !== undefined) {
        if (!Array.isArray(el.option_groups)) {
          this.add(`${path}.option_groups must be an array`);
        } else {
          if (el.option_groups.length > SELECT_OPTIONS_MAX) {
            this.add(`${path}.option_groups has ${el.option_groups.length} groups (max ${SELECT_OPTIONS_MAX})`);
          }
          el.option_groups.forEach((group, i) => {
            const groupPath = `${path}.option_groups[${i}]`;
            if (!isObject(group)) {
              this.add(`${groupPath} must be an object`);
              return;
            }
            this.text(group.label, `${groupPath}.label`, { max: OPTION_TEXT_MAX, plainOnly: true });
            this.options(group.options, `${groupPath}.options`, SELECT_OPTIONS_MAX, plainOnly);
          });
        }
      }
      if (el.initial_option !== undefined) this.option(el.initial_option, `${path}.initial_option`, plainOnly);
      if (Array.isArray(el.initial_options)) {
        el.initial_options.forEach((o, i) => this.option(o, `${path}.initial_options[${i}]`, plainOnly));
      }
    }
  }

  private options(value: unknown, path: string, max: number, plainOnly: boolean): void {
    if (!Array.isArray(value)) {
      this.add(`${path} must be an array, got ${describe(value)}`);
      return;
    }
    if (value.length > max) this.add(`${path} has ${value.length} options (max ${max})`);
    value.forEach((o, i) => this.option(o, `${path}[${i}]`, plainOnly));
  }

  private option(value: unknown, path: string, plainOnly: boolean): void {
    if (!isObject(value)) {
      this.add(`${path} must be an option object, got ${describe(value)}`);
      return;
    }
    this.text(value.text, `${path}.text`, { max: OPTION_TEXT_MAX, plainOnly });
    if (value.description !== undefined) {
      this.text(value.description, `${path}.description`, { max: OPTION_TEXT_MAX, plainOnly });
    }
    if (value.value === undefined && value.url === undefined) this.add(`${path}.value is missing`);
    this.length(value.value, `${path}.value`, OPTION_VALUE_MAX);
  }

  private confirm(value: unknown, path: string): void {
    if (!isObject(value)) {
      this.add(`${path} must be a confirmation dialog object`);
      return;
    }
    this.text(value.title, `${path}.title`, { max: 100, plainOnly: true });
    this.text(value.text, `${path}.text`, { max: 300 });
    this.text(value.confirm, `${path}.confirm`, { max: 30, plainOnly: true });
    this.text(value.deny, `${path}.deny`, { max: 30, plainOnly: true });
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value;
}

/**
 * Violations of Block Kit's limits in a modal or Home tab view (the `view`
 * argument of views.open/update/push/publish); empty when Slack would accept it.
 */
export function checkView(view: unknown): string[] {
  const c = new Checker();
  const parsed = parseMaybeJson(view, 'view', c.violations);
  if (parsed === undefined && typeof view === 'string') return c.violations;
  if (!isObject(parsed)) {
    c.add(`view must be an object, got ${describe(parsed)}`);
    return c.violations;
  }
  const bytes = Buffer.byteLength(JSON.stringify(parsed), 'utf8');
  if (bytes > VIEW_BYTES_MAX) c.add(`view is ${bytes} bytes of JSON (max ${VIEW_BYTES_MAX})`);

  if (parsed.type !== 'modal' && parsed.type !== 'home') {
    c.add(`view.type must be "modal" or "home", got ${describe(parsed.type)}`);
  }
  if (parsed.type === 'modal') {
    if (parsed.title === undefined) c.add('view.title is missing (modals need a title)');
    else c.text(parsed.title, 'view.title', { max: MODAL_TEXT_MAX, plainOnly: true });
    if (parsed.submit !== undefined) c.text(parsed.submit, 'view.submit', { max: MODAL_TEXT_MAX, plainOnly: true });
    if (parsed.close !== undefined) c.text(parsed.close, 'view.close', { max: MODAL_TEXT_MAX, plainOnly: true });
    // Slack refuses a modal with input blocks but no submit button: the inputs could never be sent.
    const hasInput = Array.isArray(parsed.blocks) && parsed.blocks.some((b) => isObject(b) && b.type === 'input');
    if (hasInput && parsed.submit === undefined) c.add('view.submit is missing (a modal with input blocks needs one)');
  }
  if (parsed.private_metadata !== undefined) {
    if (typeof parsed.private_metadata !== 'string') c.add('view.private_metadata must be a string');
    else c.length(parsed.private_metadata, 'view.private_metadata', PRIVATE_METADATA_MAX);
  }
  c.id(parsed.callback_id, 'view.callback_id');
  c.id(parsed.external_id, 'view.external_id');
  c.blocks(parsed.blocks, 'view.blocks', VIEW_BLOCKS_MAX);
  return c.violations;
}

/**
 * Violations in the arguments of chat.postMessage / postEphemeral / update /
 * scheduleMessage, or a response_url body: its text and blocks.
 */
export function checkMessage(args: Record<string, unknown>): string[] {
  const c = new Checker();
  const blocks = parseMaybeJson(args.blocks, 'blocks', c.violations);
  const attachments = parseMaybeJson(args.attachments, 'attachments', c.violations);
  const hasText = typeof args.text === 'string' && args.text.length > 0;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (!hasText && !hasBlocks && !hasAttachments) {
    c.add('message has neither text nor blocks');
  }
  if (blocks !== undefined) c.blocks(blocks, 'blocks', MESSAGE_BLOCKS_MAX);
  if (Array.isArray(attachments)) {
    attachments.forEach((a, i) => {
      if (isObject(a) && a.blocks !== undefined) c.blocks(a.blocks, `attachments[${i}].blocks`, MESSAGE_BLOCKS_MAX);
    });
  }
  return c.violations;
}

/**
 * Violations in a bare blocks array, for unit tests of view builders that
 * return blocks rather than a whole view or message.
 */
export function checkBlocks(blocks: unknown, surface: 'message' | 'modal' | 'home'): string[] {
  const c = new Checker();
  c.blocks(blocks, 'blocks', surface === 'message' ? MESSAGE_BLOCKS_MAX : VIEW_BLOCKS_MAX);
  return c.violations;
}
