/**
 * Social-network accounts, groups and share links (`social:`) of the suspicious-indicator registry.
 *
 * Key: `social:<platform>:<type>:<id>`. The type names the namespace the id lives in, so that one account
 * written two ways is one key:
 *
 * - `user`: the platform's account namespace. On Facebook, profiles and pages share one namespace of
 *   usernames and numeric ids (`facebook.com/vietcombank`, `/profile.php?id=…`, `/pages/Name/<id>`,
 *   `/people/Name/<id>`, `/Name-<id>`), and a link does not say which one it is, so both are `user`. Same on
 *   Telegram (people, bots, channels and groups share `t.me/<username>`), TikTok, Instagram and X. On Zalo
 *   a `user` is a phone number (`zalo.me/0912345678`), and Telegram links by phone (`t.me/+84…`) are too:
 *   kept in E.164 as the phone parser writes it (`+84912345678`, old 11-digit numbers converted), so the
 *   account meets the `phone:` record of the same number.
 * - `page`: a Zalo Official Account (`zalo.me/<long numeric id>`), a namespace apart from phone numbers.
 * - `group`: Facebook groups (`/groups/<id or slug>`), Zalo groups (`zalo.me/g/<code>`), Telegram invite
 *   links (`t.me/+<hash>`, `t.me/joinchat/<hash>`: the same invite), X communities.
 * - `channel`: YouTube channels, whose four address forms are four namespaces, told apart by the id's
 *   shape: `@handle`, `UC…` (channel id), `c/<custom name>`, `user/<legacy name>`; and Telegram private
 *   channels (`t.me/c/<id>`).
 * - `share_link`: opaque short or share links (`facebook.com/share/…`, `fb.watch/…`, `vm.tiktok.com/…`,
 *   `tiktok.com/t/…`, `zalo.me/s/…`, `t.co/…`): we cannot tell offline which account they open, but the link
 *   itself is what circulates in scam messages.
 *
 * Case: ids are lower-cased where the platform ignores case (usernames, handles, group slugs); opaque
 * codes and YouTube channel ids are case-sensitive and kept. Facebook also ignores dots in usernames
 * ("johnsmith55, John.Smith55 and john.smith.55 are all considered the same username", Facebook Help
 * Centre), so the key drops them; Instagram and TikTok dots are significant and kept.
 *
 * Links to things that are not accounts (`facebook.com/login`, `/watch`, `/help`, `t.me/share/url`,
 * `youtube.com/watch?v=…`, `youtu.be/…`, `l.facebook.com` redirects…) fail with `social.not_an_account`.
 * Other codes: `social.invalid` (neither a link nor a handle), `social.unknown_platform` (a link to a site
 * that is not one of these platforms, or a bare `@handle` without one), `social.invalid_handle` (the account
 * name is not possible on that platform).
 */
import { parsePhone } from './phone.js';
import { fail, ok, type IdentifierBase, type ParseResult } from './types.js';
import { cleanPasted, parseUrl, type UrlIdentifier } from './url.js';

export type SocialPlatform = 'facebook' | 'zalo' | 'telegram' | 'tiktok' | 'youtube' | 'instagram' | 'x';
export type SocialAccountType = 'user' | 'page' | 'group' | 'channel' | 'share_link';

export interface SocialDetails {
  platform: SocialPlatform;
  type: SocialAccountType;
  /** The id as in the key. */
  id: string;
  /** A canonical https link to the account, group or share link. */
  url: string;
}
export type SocialIdentifier = IdentifierBase<'social', SocialDetails>;

/**
 * What people write before a handle to say where it lives ("tele @abc", "fb: nguyen.van.a", "zalo
 * 0912…"). Compared lower-cased with spaces removed.
 */
export const PLATFORM_HINTS: Readonly<Record<string, SocialPlatform>> = {
  facebook: 'facebook',
  fb: 'facebook',
  face: 'facebook',
  messenger: 'facebook',
  zalo: 'zalo',
  zl: 'zalo',
  telegram: 'telegram',
  tele: 'telegram',
  tg: 'telegram',
  tiktok: 'tiktok',
  youtube: 'youtube',
  yt: 'youtube',
  instagram: 'instagram',
  insta: 'instagram',
  ig: 'instagram',
  x: 'x',
  twitter: 'x',
};

/** An account found in a link or handle, before it is turned into an identifier. */
interface Account {
  platform: SocialPlatform;
  type: SocialAccountType;
  id: string;
  /** The link a person reads, without scheme; parses back to the same key. */
  shown: string;
  /** The canonical link, without scheme. */
  canonical: string;
}

type Found = { ok: true; account: Account } | { ok: false; code: string; message: string };

const notAccount = (what: string): Found =>
  fail('social.not_an_account', `${what} is not an account, page, group or channel.`);
const badHandle = (platform: string, handle: string): Found =>
  fail('social.invalid_handle', `"${handle}" is not a possible ${platform} account name.`);
const found = (account: Account): Found => ({ ok: true, account });

// Account-name shapes each platform allows (checked before keys are made, so junk does not become a key).
// A Facebook username has a letter: with its dots dropped, an all-digit one would collide with numeric ids.
const FACEBOOK_USERNAME = /^[A-Za-z0-9.]*[A-Za-z][A-Za-z0-9.]*$/;
const TELEGRAM_USERNAME = /^[A-Za-z][A-Za-z0-9_]{2,31}$/;
const TIKTOK_USERNAME = /^[A-Za-z0-9._]{1,24}$/;
const INSTAGRAM_USERNAME = /^[A-Za-z0-9._]{1,30}$/;
const X_USERNAME = /^[A-Za-z0-9_]{1,15}$/;
// YouTube handles: 3–30 letters (any script), digits, underscores, hyphens, dots.
const YOUTUBE_HANDLE = /^[\p{L}\p{M}\p{N}_.-]{3,30}$/u;
const YOUTUBE_CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const OPAQUE_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const DIGITS = /^\d+$/;

/** A set of words written as one whitespace-separated list (reserved paths are long lists). */
const wordSet = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

// ---- Facebook -----------------------------------------------------------------------------------------

/** First path segments of facebook.com that are features, not usernames. */
const FACEBOOK_RESERVED = wordSet(`
  about ads ajax bookmarks business careers checkpoint comment dialog directory donate events
  friends fundraisers gaming groups hashtag help home.php l.php legal lite live login login.php
  logout.php marketplace media memories messages mobile notes notifications pages permalink.php
  photo photo.php photos places plugins policies policy.php privacy public r.php recover reel
  reels reg saved search settings share share.php sharer sharer.php stories story.php terms
  terms.php tr video.php videos watch
`);
/** facebook.com sub-domains that show the same accounts (mobile, lite and language variants). */
const FACEBOOK_ACCOUNT_HOSTS = /^(?:www|m|web|mbasic|touch|mobile|free|mtouch|iphone|d|h|[a-z]{2}-[a-z]{2})$/;

function facebookUser(written: string): Found {
  // Numeric ids never start with 0; "fb 0912345678" is a phone number, not an id.
  if (/^[1-9]\d*$/.test(written)) {
    return found({
      platform: 'facebook',
      type: 'user',
      id: written,
      shown: `facebook.com/profile.php?id=${written}`,
      canonical: `facebook.com/profile.php?id=${written}`,
    });
  }
  if (written.length > 50 || !FACEBOOK_USERNAME.test(written)) return badHandle('Facebook', written);
  const id = written.toLowerCase().replace(/\./g, '');
  return found({
    platform: 'facebook',
    type: 'user',
    id,
    shown: `facebook.com/${written}`,
    canonical: `facebook.com/${id}`,
  });
}

function facebookFromUrl(subdomain: string, segments: string[], query: URLSearchParams): Found {
  if (subdomain !== '' && !FACEBOOK_ACCOUNT_HOSTS.test(subdomain)) {
    return notAccount(`${subdomain}.facebook.com`);
  }
  const [first = '', second = '', third = ''] = segments;
  const lower = first.toLowerCase();
  const idParameter = query.get('id') ?? '';
  if (lower === 'profile.php' || lower === 'permalink.php' || lower === 'story.php') {
    // profile.php?id=<account>; permalink.php and story.php name the post's owner in `id`.
    return DIGITS.test(idParameter) ? facebookUser(idParameter) : notAccount(`facebook.com/${first}`);
  }
  if (lower === 'people' || lower === 'pages' || lower === 'pg') {
    // /people/<Name>/<id>, /pages/<Name>/<id> (old page links) or /pg/<username>/…
    if (lower === 'pg' && second !== '') return facebookUser(second);
    const numeric = segments.slice(1).find((segment) => DIGITS.test(segment));
    return numeric ? facebookUser(numeric) : notAccount(`facebook.com/${first}`);
  }
  if (lower === 'groups') {
    const group = second.toLowerCase();
    if (group === '' || ['feed', 'discover', 'joins', 'create'].includes(group)) {
      return notAccount('facebook.com/groups');
    }
    if (!/^[a-z0-9._-]{1,100}$/.test(group)) return badHandle('Facebook group', second);
    return found({
      platform: 'facebook',
      type: 'group',
      id: group,
      shown: `facebook.com/groups/${second}`,
      canonical: `facebook.com/groups/${group}`,
    });
  }
  if (lower === 'share') {
    // facebook.com/share/<code>, or /share/<p|r|v|g>/<code> for posts, reels, videos, groups: opaque and
    // case-sensitive.
    const parts = /^[a-z]$/.test(second) ? [second, third] : [second];
    if (!parts.every((part) => OPAQUE_CODE.test(part))) return notAccount('facebook.com/share');
    const code = parts.join('/');
    return facebookShare(`share/${code}`, `facebook.com/share/${code}`);
  }
  if (first === '' || FACEBOOK_RESERVED.has(lower)) {
    return notAccount(first === '' ? 'facebook.com' : `facebook.com/${first}`);
  }
  // Old page links end in the page id: facebook.com/Ten-Trang-123456789012345
  const pageWithId = /^[^/]+-(\d{6,})$/.exec(first);
  if (pageWithId) return facebookUser(pageWithId[1]!);
  return facebookUser(first);
}

function facebookShare(id: string, link: string): Found {
  return found({ platform: 'facebook', type: 'share_link', id, shown: link, canonical: link });
}

// ---- Zalo ---------------------------------------------------------------------------------------------

/**
 * A phone number used as an account (Zalo, Telegram), in E.164 as the phone parser writes it, so that the
 * account and the number meet (`social:zalo:user:+84912345678` and `phone:+84912345678`), old 11-digit
 * mobile numbers included. Short codes and 1800/1900 numbers cannot own an account.
 */
function accountPhone(written: string): string | null {
  const phone = parsePhone(written);
  if (!phone.ok) return null;
  const { type, e164 } = phone.value.details;
  return type === 'mobile' || type === 'landline' || type === 'foreign' ? e164 : null;
}

function zaloAccount(written: string): Found {
  const digits = written.replace(/[\s.()-]/g, '');
  // Official Account ids are long numbers (18–19 digits); phone numbers have at most 15 digits (E.164).
  if (/^\d{16,20}$/.test(digits)) {
    return found({
      platform: 'zalo',
      type: 'page',
      id: digits,
      shown: `zalo.me/${digits}`,
      canonical: `zalo.me/${digits}`,
    });
  }
  const phone = accountPhone(written);
  if (!phone) return badHandle('Zalo', written);
  // Shown the way Vietnamese people write their numbers; it parses back to the same key.
  const shown = `zalo.me/${phone.startsWith('+84') ? `0${phone.slice(3)}` : phone}`;
  return found({ platform: 'zalo', type: 'user', id: phone, shown, canonical: shown });
}

function zaloFromUrl(subdomain: string, segments: string[]): Found {
  if (subdomain !== '' && subdomain !== 'www') return notAccount(`${subdomain}.zalo.me`);
  const [first = '', second = ''] = segments;
  if (first === 'g' || first === 's') {
    if (!OPAQUE_CODE.test(second)) return notAccount(`zalo.me/${first}`);
    const type = first === 'g' ? 'group' : 'share_link';
    const link = `zalo.me/${first}/${second}`;
    return found({
      platform: 'zalo',
      type,
      id: type === 'group' ? second : `s/${second}`,
      shown: link,
      canonical: link,
    });
  }
  if (/^\+?\d[\d.-]*$/.test(first)) return zaloAccount(first);
  return notAccount(first === '' ? 'zalo.me' : `zalo.me/${first}`);
}

// ---- Telegram -----------------------------------------------------------------------------------------

const TELEGRAM_RESERVED = wordSet(`
  share addstickers addemoji addtheme setlanguage proxy socks iv login confirmphone bg invoice dl
  apps blog faq privacy tos
`);

function telegramUser(written: string): Found {
  const handle = written.replace(/^@/, '');
  if (/^[+\d][\d\s.-]{6,}$/.test(handle)) {
    // t.me/+84912345678 opens a chat by phone number; "tele 0912 345 678" names an account the same way.
    const phone = accountPhone(handle);
    if (!phone) return badHandle('Telegram', written);
    return found({
      platform: 'telegram',
      type: 'user',
      id: phone,
      shown: `t.me/${phone}`,
      canonical: `t.me/${phone}`,
    });
  }
  if (!TELEGRAM_USERNAME.test(handle)) return badHandle('Telegram', written);
  const id = handle.toLowerCase();
  return found({ platform: 'telegram', type: 'user', id, shown: `t.me/${handle}`, canonical: `t.me/${id}` });
}

function telegramInvite(hash: string): Found {
  if (!OPAQUE_CODE.test(hash)) return notAccount('This Telegram invite link');
  // t.me/joinchat/<hash> and t.me/+<hash> are the same invitation.
  return found({
    platform: 'telegram',
    type: 'group',
    id: `+${hash}`,
    shown: `t.me/+${hash}`,
    canonical: `t.me/+${hash}`,
  });
}

function telegramFromUrl(subdomain: string, segments: string[]): Found {
  // Telegram also serves accounts as <username>.t.me.
  if (subdomain !== '' && subdomain !== 'www') return telegramUser(subdomain);
  const [first = '', second = ''] = segments;
  const lower = first.toLowerCase();
  if (lower === 'joinchat') return telegramInvite(second);
  if (first.startsWith('+')) {
    return /^\+\d+$/.test(first) ? telegramUser(first) : telegramInvite(first.slice(1));
  }
  if (lower === 's' || lower === 'boost') {
    return second === '' ? notAccount(`t.me/${first}`) : telegramUser(second);
  }
  if (lower === 'c') {
    if (!DIGITS.test(second)) return notAccount('t.me/c');
    return found({
      platform: 'telegram',
      type: 'channel',
      id: second,
      shown: `t.me/c/${second}`,
      canonical: `t.me/c/${second}`,
    });
  }
  if (lower === 'addlist' || lower === 'contact' || lower === 'm') {
    // Folder invitations, contact tokens and business chat links: opaque links to someone's chats.
    if (!OPAQUE_CODE.test(second)) return notAccount(`t.me/${first}`);
    const link = `t.me/${lower}/${second}`;
    return found({
      platform: 'telegram',
      type: 'share_link',
      id: `${lower}/${second}`,
      shown: link,
      canonical: link,
    });
  }
  // t.me/$<slug> is a payment invoice.
  if (first === '' || first.startsWith('$') || TELEGRAM_RESERVED.has(lower)) {
    return notAccount(first === '' ? 't.me' : `t.me/${first}`);
  }
  return telegramUser(first);
}

/** `tg://resolve?domain=<username>` and `tg://join?invite=<hash>`, the app's own links. */
function telegramFromAppLink(text: string): Found {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('social.invalid', 'This is not a well-formed Telegram link.');
  }
  const action = (url.hostname || url.pathname.replace(/^\/+/, '')).toLowerCase();
  if (action === 'resolve' && url.searchParams.get('domain')) {
    return telegramUser(url.searchParams.get('domain')!);
  }
  if (action === 'join' && url.searchParams.get('invite')) {
    return telegramInvite(url.searchParams.get('invite')!);
  }
  return notAccount('This tg:// link');
}

// ---- TikTok, YouTube, Instagram, X ----------------------------------------------------------------------

function tiktokUser(written: string): Found {
  const handle = written.replace(/^@/, '');
  if (!TIKTOK_USERNAME.test(handle)) return badHandle('TikTok', written);
  const id = handle.toLowerCase();
  return found({
    platform: 'tiktok',
    type: 'user',
    id,
    shown: `tiktok.com/@${handle}`,
    canonical: `tiktok.com/@${id}`,
  });
}

function tiktokShare(prefix: 'vm' | 'vt' | 't', code: string): Found {
  if (!OPAQUE_CODE.test(code)) return notAccount('This TikTok link');
  const link = prefix === 't' ? `tiktok.com/t/${code}` : `${prefix}.tiktok.com/${code}`;
  return found({
    platform: 'tiktok',
    type: 'share_link',
    id: `${prefix}/${code}`,
    shown: link,
    canonical: link,
  });
}

function tiktokFromUrl(subdomain: string, segments: string[]): Found {
  const [first = '', second = ''] = segments;
  if (subdomain === 'vm' || subdomain === 'vt') return tiktokShare(subdomain, first);
  if (!['', 'www', 'm'].includes(subdomain)) return notAccount(`${subdomain}.tiktok.com`);
  if (first.startsWith('@')) return tiktokUser(first);
  if (first === 't') return tiktokShare('t', second);
  return notAccount(first === '' ? 'tiktok.com' : `tiktok.com/${first}`);
}

/** `id` is `@handle`, `UC…`, `c/name` or `user/name`; `path` is how it appears after `youtube.com/`. */
function youtubeChannel(id: string, path: string, shownPath: string): Found {
  return found({
    platform: 'youtube',
    type: 'channel',
    id,
    shown: `youtube.com/${shownPath}`,
    canonical: `youtube.com/${path}`,
  });
}

function youtubeChannelId(id: string): Found {
  return youtubeChannel(id, `channel/${id}`, `channel/${id}`);
}

function youtubeHandle(written: string): Found {
  const handle = written.replace(/^@/, '');
  if (YOUTUBE_CHANNEL_ID.test(handle)) return youtubeChannelId(handle);
  if (!YOUTUBE_HANDLE.test(handle)) return badHandle('YouTube', written);
  const id = `@${handle.toLowerCase()}`;
  return youtubeChannel(id, id, `@${handle}`);
}

const YOUTUBE_RESERVED = wordSet(`
  watch shorts embed live playlist results feed gaming premium account about redirect hashtag post
  signin logout upload kids music tv howyoutubeworks ads creators trends yt attribution_link v e
  supported_browsers new index jobs t paid_memberships reporthistory store podcasts movies sw.js
`);

function youtubeFromUrl(registrable: string, subdomain: string, segments: string[]): Found {
  if (registrable === 'youtu.be') return notAccount('A youtu.be video link');
  if (!['', 'www', 'm', 'music'].includes(subdomain)) return notAccount(`${subdomain}.youtube.com`);
  const [first = '', second = ''] = segments;
  const lower = first.toLowerCase();
  if (first.startsWith('@')) return youtubeHandle(first);
  if (lower === 'channel') {
    return YOUTUBE_CHANNEL_ID.test(second)
      ? youtubeChannelId(second)
      : badHandle('YouTube channel id', second);
  }
  if (lower === 'c' || lower === 'user') {
    if (!/^[\p{L}\p{M}\p{N}_.-]{1,100}$/u.test(second)) return badHandle('YouTube', second);
    const id = `${lower}/${second.toLowerCase()}`;
    return youtubeChannel(id, id, `${lower}/${second}`);
  }
  if (first === '' || YOUTUBE_RESERVED.has(lower)) {
    return notAccount(first === '' ? 'youtube.com' : `youtube.com/${first}`);
  }
  // youtube.com/<name> is the short form of a custom channel address (/c/<name>).
  if (/^[\p{L}\p{M}\p{N}_.-]{1,100}$/u.test(first)) {
    const id = `c/${first.toLowerCase()}`;
    return youtubeChannel(id, id, `c/${first}`);
  }
  return notAccount(`youtube.com/${first}`);
}

const INSTAGRAM_RESERVED = wordSet(`
  p reel reels tv explore accounts direct about developer legal web challenge emails session ar
  create lite press privacy terms api oauth graphql static topics locations directory invites qr
`);

function instagramUser(written: string): Found {
  const handle = written.replace(/^@/, '');
  if (!INSTAGRAM_USERNAME.test(handle)) return badHandle('Instagram', written);
  const id = handle.toLowerCase();
  return found({
    platform: 'instagram',
    type: 'user',
    id,
    shown: `instagram.com/${handle}`,
    canonical: `instagram.com/${id}`,
  });
}

function instagramFromUrl(registrable: string, segments: string[]): Found {
  const [first = '', second = ''] = segments;
  const lower = first.toLowerCase();
  if (registrable === 'ig.me') {
    return lower === 'm' && second !== '' ? instagramUser(second) : notAccount('This ig.me link');
  }
  if (lower === 'stories' && second !== '' && second !== 'highlights') return instagramUser(second);
  if (first === '' || INSTAGRAM_RESERVED.has(lower) || lower === 'stories') {
    return notAccount(first === '' ? 'instagram.com' : `instagram.com/${first}`);
  }
  return instagramUser(first);
}

const X_RESERVED = wordSet(`
  home explore search settings messages notifications login logout signup i intent share hashtag
  compose tos privacy about jobs download account oauth en rules help premium lists bookmarks
  communities verified-choose who_to_follow
`);

function xUser(written: string): Found {
  const handle = written.replace(/^@/, '');
  if (!X_USERNAME.test(handle)) return badHandle('X', written);
  const id = handle.toLowerCase();
  return found({ platform: 'x', type: 'user', id, shown: `x.com/${handle}`, canonical: `x.com/${id}` });
}

function xFromUrl(registrable: string, segments: string[]): Found {
  const [first = '', second = '', third = ''] = segments;
  if (registrable === 't.co') {
    if (!OPAQUE_CODE.test(first)) return notAccount('t.co');
    return found({
      platform: 'x',
      type: 'share_link',
      id: `t.co/${first}`,
      shown: `t.co/${first}`,
      canonical: `t.co/${first}`,
    });
  }
  const lower = first.toLowerCase();
  if (lower === 'i' && second === 'communities' && DIGITS.test(third)) {
    const link = `x.com/i/communities/${third}`;
    return found({ platform: 'x', type: 'group', id: third, shown: link, canonical: link });
  }
  if (first === '' || X_RESERVED.has(lower)) return notAccount(first === '' ? 'x.com' : `x.com/${first}`);
  return xUser(first);
}

// ---- dispatch -----------------------------------------------------------------------------------------

/** Registrable domains of each platform's links. */
const PLATFORM_DOMAINS: Readonly<Record<string, SocialPlatform>> = {
  'facebook.com': 'facebook',
  'fb.com': 'facebook',
  'fb.me': 'facebook',
  'fb.watch': 'facebook',
  'm.me': 'facebook',
  'zalo.me': 'zalo',
  't.me': 'telegram',
  'telegram.me': 'telegram',
  'telegram.dog': 'telegram',
  'tiktok.com': 'tiktok',
  'youtube.com': 'youtube',
  'youtu.be': 'youtube',
  'instagram.com': 'instagram',
  'instagr.am': 'instagram',
  'ig.me': 'instagram',
  'x.com': 'x',
  'twitter.com': 'x',
  't.co': 'x',
};

function pathSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function fromUrl(parsed: ParseResult<UrlIdentifier>): Found {
  if (!parsed.ok) return fail('social.invalid', `Not a social-network link or handle: ${parsed.message}`);
  const { host, registrableDomain } = parsed.value.details;
  const platform = PLATFORM_DOMAINS[registrableDomain];
  if (!platform) {
    return fail('social.unknown_platform', `${registrableDomain} is not a supported social network.`);
  }
  const subdomain = host === registrableDomain ? '' : host.slice(0, -registrableDomain.length - 1);
  const url = new URL(parsed.value.details.url);
  const segments = pathSegments(url.pathname);
  switch (registrableDomain) {
    case 'fb.watch': {
      const code = segments[0] ?? '';
      return OPAQUE_CODE.test(code)
        ? facebookShare(`watch/${code}`, `fb.watch/${code}`)
        : notAccount('fb.watch');
    }
    case 'm.me':
    case 'fb.me':
      // m.me/<username> opens a Messenger chat with the account; fb.me/<username> its profile.
      return segments[0] ? facebookFromUrl('', segments, url.searchParams) : notAccount(registrableDomain);
  }
  switch (platform) {
    case 'facebook':
      return facebookFromUrl(subdomain, segments, url.searchParams);
    case 'zalo':
      return zaloFromUrl(subdomain, segments);
    case 'telegram':
      return telegramFromUrl(subdomain, segments);
    case 'tiktok':
      return tiktokFromUrl(subdomain, segments);
    case 'youtube':
      return youtubeFromUrl(registrableDomain, subdomain, segments);
    case 'instagram':
      return instagramFromUrl(registrableDomain, segments);
    case 'x':
      return xFromUrl(registrableDomain, segments);
  }
}

function toIdentifier(result: Found): ParseResult<SocialIdentifier> {
  if (!result.ok) return fail(result.code, result.message);
  const { platform, type, id, shown, canonical } = result.account;
  return ok({
    kind: 'social',
    key: `social:${platform}:${type}:${id}`,
    display: shown,
    details: { platform, type, id, url: `https://${canonical}` },
  });
}

function platformOfHint(hint: string): SocialPlatform | undefined {
  return PLATFORM_HINTS[hint.toLowerCase().replace(/\s+/g, '')];
}

const HINT_PATTERN = new RegExp(
  `^(${Object.keys(PLATFORM_HINTS)
    .sort((a, b) => b.length - a.length)
    .join('|')}|tik\\s+tok)(?:\\s*[:：]\\s*|\\s+|(?=@))(\\S.*)$`,
  'i',
);

/**
 * Parses a handle given with the platform it belongs to: `("tele", "@abc")`, `("fb", "nguyen.van.a")`,
 * `("zalo", "0912 345 678")`. A full link in `handle` is parsed as a link (its host decides the platform).
 */
export function parseSocialHandle(platformHint: string, handle: string): ParseResult<SocialIdentifier> {
  if (typeof platformHint !== 'string' || typeof handle !== 'string') {
    return fail('social.invalid', 'The input is not text.');
  }
  const platform = platformOfHint(cleanPasted(platformHint));
  if (!platform) {
    return fail('social.unknown_platform', `"${platformHint}" is not a supported social network.`);
  }
  const written = cleanPasted(handle);
  if (written === '') return fail('social.invalid_handle', 'The account name is empty.');
  if (/[/]/.test(written) || /^[a-z][a-z0-9+.-]*:\/\//i.test(written))
    return toIdentifier(fromUrl(parseUrl(written)));
  switch (platform) {
    case 'facebook': {
      const name = written.replace(/^@/, '');
      return toIdentifier(facebookUser(name));
    }
    case 'zalo':
      return toIdentifier(zaloAccount(written));
    case 'telegram':
      return toIdentifier(telegramUser(written));
    case 'tiktok':
      return toIdentifier(tiktokUser(written));
    case 'youtube':
      return toIdentifier(youtubeHandle(written));
    case 'instagram':
      return toIdentifier(instagramUser(written));
    case 'x':
      return toIdentifier(xUser(written));
  }
}

/**
 * Parses a social-network link (`https://m.facebook.com/profile.php?id=1000…`, `t.me/abc`, `zalo.me/g/…`,
 * `tiktok.com/@abc/video/…`) or a handle with its platform in front (`tele @abc`, `fb: abc`, `tiktok @abc`,
 * `zalo 0912345678`). A caller that parses the input as a link anyway passes `link`, parseUrl's result for
 * the same input, so that it is not parsed twice.
 */
export function parseSocial(input: string, link?: ParseResult<UrlIdentifier>): ParseResult<SocialIdentifier> {
  if (typeof input !== 'string') return fail('social.invalid', 'The input is not text.');
  const text = cleanPasted(input);
  if (text === '') return fail('social.invalid', 'The input is empty.');
  if (/^tg:/i.test(text)) return toIdentifier(telegramFromAppLink(text));
  const hinted = HINT_PATTERN.exec(text);
  if (hinted) return parseSocialHandle(hinted[1]!, hinted[2]!);
  if (/^@[^\s/]+$/.test(text)) {
    return fail(
      'social.unknown_platform',
      `Say which network "${text}" is on, e.g. "tele ${text}" or "tiktok ${text}".`,
    );
  }
  // parseUrl cleans what it is given as cleanPasted does, so the input's parse is the cleaned text's.
  return toIdentifier(fromUrl(link ?? parseUrl(text)));
}
