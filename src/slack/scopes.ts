// The bot scopes each Slack feature the code uses needs (from Slack's method and event
// docs). test/manifest.test.ts reads this with the code and manifests/manifest.json, and
// fails when the manifest asks for a scope nothing uses or misses one something needs.

/** Web API method → bot scopes it needs. Methods not listed here fail the manifest test. */
export const WEB_API_SCOPES: Record<string, readonly string[]> = {
  'auth.test': [],
  'views.open': [],
  'views.update': [],
  'views.push': [],
  'views.publish': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.scheduleMessage': ['chat:write'],
  'chat.deleteScheduledMessage': ['chat:write'],
  'chat.getPermalink': [],
  // The delivery engine looks in a DM for a message an interrupted attempt may have posted.
  'conversations.history': ['im:history'],
  // A DM needs im:write; the group DM a shared plan falls back to needs mpim:write.
  'conversations.open': ['im:write', 'mpim:write'],
  'conversations.create': ['groups:write'],
  'conversations.invite': ['groups:write'],
  // users:read.email: the manager's email (profile.email) puts them on the career conversation's .ics invite.
  'users.info': ['users:read', 'users:read.email'],
  filesUploadV2: ['files:write'],
  // The admin modal's file input: reading a shared file and its url_private needs files:read.
  'files.info': ['files:read'],
};

/** Bot event → scopes it needs to be delivered. */
export const EVENT_SCOPES: Record<string, readonly string[]> = {
  app_home_opened: [],
  'message.im': ['im:history'],
};

/** Slash commands and shortcuts both need this one. */
export const COMMANDS_SCOPE = 'commands';
