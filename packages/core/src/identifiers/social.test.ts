import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSocial, parseSocialHandle } from './social.js';
import { parseUrl } from './url.js';

const keyOf = (input: string): string | null => {
  const result = parseSocial(input);
  return result.ok ? result.value.key : null;
};
const codeOf = (input: string): string | null => {
  const result = parseSocial(input);
  return result.ok ? null : result.code;
};

describe('parseSocial: links', () => {
  it.each([
    // Facebook: usernames ignore case and dots; profiles and pages share the namespace.
    ['https://www.facebook.com/John.Smith55', 'social:facebook:user:johnsmith55'],
    ['https://m.facebook.com/john.smith.55?mibextid=ZbWKwL', 'social:facebook:user:johnsmith55'],
    ['web.facebook.com/JohnSmith55/', 'social:facebook:user:johnsmith55'],
    ['mbasic.facebook.com/johnsmith55/about', 'social:facebook:user:johnsmith55'],
    ['vi-vn.facebook.com/johnsmith55', 'social:facebook:user:johnsmith55'],
    ['fb.com/johnsmith55', 'social:facebook:user:johnsmith55'],
    ['m.me/johnsmith55', 'social:facebook:user:johnsmith55'],
    [
      'https://www.facebook.com/profile.php?id=100012345678901&sk=about',
      'social:facebook:user:100012345678901',
    ],
    ['https://www.facebook.com/100012345678901', 'social:facebook:user:100012345678901'],
    ['https://www.facebook.com/people/Nguyen-Van-A/100089999999999/', 'social:facebook:user:100089999999999'],
    [
      'https://www.facebook.com/pages/Ho-Tro-Khach-Hang/123456789012345',
      'social:facebook:user:123456789012345',
    ],
    ['https://www.facebook.com/Ho-Tro-Khach-Hang-123456789012345/', 'social:facebook:user:123456789012345'],
    [
      'https://www.facebook.com/permalink.php?story_fbid=pfbid02x&id=100012345678901',
      'social:facebook:user:100012345678901',
    ],
    [
      'https://www.facebook.com/groups/VayTienNhanhOnline/posts/1234',
      'social:facebook:group:vaytiennhanhonline',
    ],
    ['https://www.facebook.com/groups/987654321098765/', 'social:facebook:group:987654321098765'],
    ['https://www.facebook.com/share/p/1AbCdEfGh2/', 'social:facebook:share_link:share/p/1AbCdEfGh2'],
    ['https://www.facebook.com/share/g/1XyZ/', 'social:facebook:share_link:share/g/1XyZ'],
    [
      'https://www.facebook.com/share/1AbCdEfGh2/?mibextid=wwXIfr',
      'social:facebook:share_link:share/1AbCdEfGh2',
    ],
    ['https://fb.watch/qR5xYz-AbC/', 'social:facebook:share_link:watch/qR5xYz-AbC'],
    // Zalo: phone numbers in E.164, Official Accounts, groups.
    ['https://zalo.me/0912345678', 'social:zalo:user:+84912345678'],
    ['zalo.me/84912345678', 'social:zalo:user:+84912345678'],
    ['zalo.me/+84912345678', 'social:zalo:user:+84912345678'],
    ['zalo.me/01652345678', 'social:zalo:user:+84352345678'], // an 11-digit number from before 2018 (0165 → 035)
    ['https://zalo.me/4318393738478412345', 'social:zalo:page:4318393738478412345'],
    ['https://zalo.me/g/qwerty123', 'social:zalo:group:qwerty123'],
    ['https://zalo.me/s/1234567890/', 'social:zalo:share_link:s/1234567890'],
    // Telegram
    ['https://t.me/HoTro_Vietcombank', 'social:telegram:user:hotro_vietcombank'],
    ['telegram.me/hotro_vietcombank', 'social:telegram:user:hotro_vietcombank'],
    ['https://t.me/s/hotro_vietcombank', 'social:telegram:user:hotro_vietcombank'],
    ['https://t.me/hotro_vietcombank/123', 'social:telegram:user:hotro_vietcombank'],
    ['https://hotro_vietcombank.t.me/', 'social:telegram:user:hotro_vietcombank'],
    ['tg://resolve?domain=hotro_vietcombank', 'social:telegram:user:hotro_vietcombank'],
    ['https://t.me/joinchat/AAAAAEkK2WQ7a8nZ', 'social:telegram:group:+AAAAAEkK2WQ7a8nZ'],
    ['https://t.me/+AAAAAEkK2WQ7a8nZ', 'social:telegram:group:+AAAAAEkK2WQ7a8nZ'],
    ['tg://join?invite=AAAAAEkK2WQ7a8nZ', 'social:telegram:group:+AAAAAEkK2WQ7a8nZ'],
    ['https://t.me/+84912345678', 'social:telegram:user:+84912345678'],
    ['https://t.me/c/1234567890/55', 'social:telegram:channel:1234567890'],
    // TikTok
    ['https://www.tiktok.com/@Viec.Nhe_Luong.Cao', 'social:tiktok:user:viec.nhe_luong.cao'],
    [
      'https://www.tiktok.com/@viec.nhe_luong.cao/video/7301234567890123456?is_from_webapp=1',
      'social:tiktok:user:viec.nhe_luong.cao',
    ],
    ['https://vm.tiktok.com/ZMabc123X/', 'social:tiktok:share_link:vm/ZMabc123X'],
    ['https://vt.tiktok.com/ZSabc123X/', 'social:tiktok:share_link:vt/ZSabc123X'],
    ['https://www.tiktok.com/t/ZTabc123X/', 'social:tiktok:share_link:t/ZTabc123X'],
    // YouTube
    ['https://www.youtube.com/@VTV24', 'social:youtube:channel:@vtv24'],
    ['https://m.youtube.com/@vtv24/videos', 'social:youtube:channel:@vtv24'],
    [
      'https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw',
      'social:youtube:channel:UC_x5XG1OV2P6uZZ5FSM9Ttw',
    ],
    ['https://www.youtube.com/c/GoogleDevelopers', 'social:youtube:channel:c/googledevelopers'],
    ['https://www.youtube.com/GoogleDevelopers', 'social:youtube:channel:c/googledevelopers'],
    ['https://www.youtube.com/user/GoogleDevelopers', 'social:youtube:channel:user/googledevelopers'],
    // Instagram, X
    ['https://www.instagram.com/Some.User_1/', 'social:instagram:user:some.user_1'],
    ['https://www.instagram.com/stories/some.user_1/3141592653/', 'social:instagram:user:some.user_1'],
    ['https://instagr.am/some.user_1', 'social:instagram:user:some.user_1'],
    ['https://x.com/VTVcab', 'social:x:user:vtvcab'],
    ['https://twitter.com/vtvcab/status/1234567890?s=20', 'social:x:user:vtvcab'],
    ['https://mobile.twitter.com/vtvcab', 'social:x:user:vtvcab'],
    ['https://x.com/i/communities/1234567890', 'social:x:group:1234567890'],
    ['https://t.co/AbC123xyz', 'social:x:share_link:t.co/AbC123xyz'],
    // Pasted the way links arrive: without scheme, defanged, wrapped.
    ['<https://www.facebook.com/johnsmith55>', 'social:facebook:user:johnsmith55'],
    ['hxxps://t[.]me/hotro_vietcombank', 'social:telegram:user:hotro_vietcombank'],
  ])('%s → %s', (input, key) => {
    expect(keyOf(input)).toBe(key);
  });

  it('fills the details and shows the account as written', () => {
    expect(parseSocial('https://m.facebook.com/John.Smith55?ref=bookmarks')).toEqual({
      ok: true,
      value: {
        kind: 'social',
        key: 'social:facebook:user:johnsmith55',
        display: 'facebook.com/John.Smith55',
        details: {
          platform: 'facebook',
          type: 'user',
          id: 'johnsmith55',
          url: 'https://facebook.com/johnsmith55',
        },
      },
    });
    const zalo = parseSocial('zalo.me/84912345678');
    expect(zalo.ok && [zalo.value.display, zalo.value.details.url]).toEqual([
      'zalo.me/0912345678',
      'https://zalo.me/0912345678',
    ]);
  });

  it.each([
    ['https://www.facebook.com/login', 'social.not_an_account'],
    ['https://www.facebook.com/login.php?next=x', 'social.not_an_account'],
    ['https://www.facebook.com/watch/?v=123', 'social.not_an_account'],
    ['https://www.facebook.com/help/123', 'social.not_an_account'],
    ['https://www.facebook.com/', 'social.not_an_account'],
    ['https://www.facebook.com/profile.php', 'social.not_an_account'],
    ['https://www.facebook.com/groups/feed/', 'social.not_an_account'],
    ['https://www.facebook.com/photo.php?fbid=1', 'social.not_an_account'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.com', 'social.not_an_account'],
    ['https://business.facebook.com/latest/home', 'social.not_an_account'],
    ['https://t.me/share/url?url=https://evil.com', 'social.not_an_account'],
    ['https://t.me/addstickers/Cats', 'social.not_an_account'],
    ['https://t.me/', 'social.not_an_account'],
    ['tg://msg?text=hi', 'social.not_an_account'],
    ['https://zalo.me/pc', 'social.not_an_account'],
    ['https://chat.zalo.me/', 'social.not_an_account'],
    ['https://www.tiktok.com/foryou', 'social.not_an_account'],
    ['https://www.tiktok.com/tag/viecnhe', 'social.not_an_account'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'social.not_an_account'],
    ['https://www.youtube.com/shorts/abc', 'social.not_an_account'],
    ['https://youtu.be/dQw4w9WgXcQ', 'social.not_an_account'],
    ['https://www.instagram.com/p/C0abc/', 'social.not_an_account'],
    ['https://www.instagram.com/reel/C0abc/', 'social.not_an_account'],
    ['https://x.com/home', 'social.not_an_account'],
    ['https://x.com/intent/tweet?text=hi', 'social.not_an_account'],
    ['https://vietcombank-hotro.com/login', 'social.unknown_platform'],
    ['@hotro_vietcombank', 'social.unknown_platform'],
    ['myspace: abc', 'social.invalid'],
    ['', 'social.invalid'],
    ['javascript:alert(1)', 'social.invalid'],
    ['https://t.me/ab', 'social.invalid_handle'], // too short for a Telegram username
    ['https://x.com/this_name_is_far_too_long', 'social.invalid_handle'],
    ['https://www.youtube.com/channel/UCshort', 'social.invalid_handle'],
    ['https://zalo.me/12345', 'social.invalid_handle'],
    ['https://www.facebook.com/nguyen_van_a', 'social.invalid_handle'], // no underscores on Facebook
    ['https://www.facebook.com/123.456', 'social.invalid_handle'], // would collide with the numeric id 123456
    ['https://zalo.me/19001234', 'social.invalid_handle'], // a premium service number owns no account
  ])('%j fails with %s', (input, code) => {
    expect(codeOf(input)).toBe(code);
  });
});

describe('handles with a platform', () => {
  it.each([
    ['tele @HoTro_Vietcombank', 'social:telegram:user:hotro_vietcombank'],
    ['Telegram: hotro_vietcombank', 'social:telegram:user:hotro_vietcombank'],
    ['tg @hotro_vietcombank', 'social:telegram:user:hotro_vietcombank'],
    ['tele 0912 345 678', 'social:telegram:user:+84912345678'],
    ['fb: Nguyen.Van.A', 'social:facebook:user:nguyenvana'],
    ['Facebook nguyenvana', 'social:facebook:user:nguyenvana'],
    ['tiktok @viec.nhe', 'social:tiktok:user:viec.nhe'],
    ['tik tok @viec.nhe', 'social:tiktok:user:viec.nhe'],
    ['TikTok@viec.nhe', 'social:tiktok:user:viec.nhe'],
    ['zalo 0912 345 678', 'social:zalo:user:+84912345678'],
    ['Zalo: 0912.345.678', 'social:zalo:user:+84912345678'],
    ['zl: +84 912 345 678', 'social:zalo:user:+84912345678'],
    ['yt @VTV24', 'social:youtube:channel:@vtv24'],
    ['youtube: UC_x5XG1OV2P6uZZ5FSM9Ttw', 'social:youtube:channel:UC_x5XG1OV2P6uZZ5FSM9Ttw'],
    ['ig: some.user_1', 'social:instagram:user:some.user_1'],
    ['insta @Some.User_1', 'social:instagram:user:some.user_1'],
    ['x @VTVcab', 'social:x:user:vtvcab'],
    ['twitter: vtvcab', 'social:x:user:vtvcab'],
    ['fb: https://www.facebook.com/johnsmith55', 'social:facebook:user:johnsmith55'],
  ])('%s → %s', (input, key) => {
    expect(keyOf(input)).toBe(key);
  });

  it('parseSocialHandle takes the platform apart', () => {
    const result = parseSocialHandle('tele', '@HoTro_Vietcombank');
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'social',
        key: 'social:telegram:user:hotro_vietcombank',
        display: 't.me/HoTro_Vietcombank',
        details: {
          platform: 'telegram',
          type: 'user',
          id: 'hotro_vietcombank',
          url: 'https://t.me/hotro_vietcombank',
        },
      },
    });
    expect(parseSocialHandle('Zalo', '0912345678')).toMatchObject({
      ok: true,
      value: { key: 'social:zalo:user:+84912345678' },
    });
    expect(parseSocialHandle('myspace', 'abc')).toMatchObject({ ok: false, code: 'social.unknown_platform' });
    expect(parseSocialHandle('fb', 'Nguyễn Văn A')).toMatchObject({
      ok: false,
      code: 'social.invalid_handle',
    });
    expect(parseSocialHandle('tele', '')).toMatchObject({ ok: false, code: 'social.invalid_handle' });
    expect(parseSocialHandle('zalo', 'abc')).toMatchObject({ ok: false, code: 'social.invalid_handle' });
    // A phone number is not a Facebook id (ids never start with 0).
    expect(parseSocialHandle('fb', '0912345678')).toMatchObject({ ok: false, code: 'social.invalid_handle' });
  });

  it('does not read a link as a hint', () => {
    // "x.com/…" and "facebook.com/…" start with a hint word but are links.
    expect(keyOf('x.com/vtvcab')).toBe('social:x:user:vtvcab');
    expect(keyOf('facebook.com/johnsmith55')).toBe('social:facebook:user:johnsmith55');
    expect(keyOf('tiktok.com/@viec.nhe')).toBe('social:tiktok:user:viec.nhe');
  });
});

// ---- properties ----------------------------------------------------------------------------------------

const username = fc.stringMatching(/^[a-z][a-z0-9_]{4,14}$/);
const accountLink = fc
  .tuple(
    fc.constantFrom(
      'https://www.facebook.com/',
      'm.facebook.com/',
      'fb.com/',
      'https://t.me/',
      'telegram.me/',
      'https://www.tiktok.com/@',
      'https://www.instagram.com/',
      'x.com/',
      'https://twitter.com/',
      'https://www.youtube.com/@',
      'https://www.youtube.com/c/',
    ),
    username,
    fc.constantFrom('', '/', '?utm_source=zalo', '/?igshid=abc'),
  )
  .map(
    ([prefix, name, tail]) =>
      `${prefix}${name.replace(/_/g, prefix.includes('facebook') || prefix.includes('fb.') ? '.' : '_')}${tail}`,
  );
const handleInput = fc
  .tuple(
    fc.constantFrom('tele', 'fb', 'tiktok', 'ig', 'x', 'yt', 'zalo'),
    fc.constantFrom(' @', ': ', ' '),
    fc.oneof(username, fc.stringMatching(/^0[35789]\d{8}$/)),
  )
  .map(([hint, separator, name]) => `${hint}${separator}${name}`);
const opaqueLink = fc
  .tuple(
    fc.constantFrom(
      'https://zalo.me/g/',
      'https://vm.tiktok.com/',
      'https://t.me/+',
      'https://www.facebook.com/share/p/',
      'https://zalo.me/',
    ),
    fc.stringMatching(/^[A-Za-z0-9]{6,20}$/),
  )
  .map(([prefix, code]) => `${prefix}${code}`);

describe('parseSocial properties', () => {
  it('never throws', () => {
    for (const arbitrary of [
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.webUrl({ withQueryParameters: true }),
      accountLink,
      handleInput,
    ]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          parseSocial(input);
          parseSocialHandle(input, input);
        }),
      );
    }
  });

  it('given the link parseUrl made of the same input, answers as without it', () => {
    for (const arbitrary of [
      fc.string(),
      fc.webUrl({ withQueryParameters: true }),
      accountLink,
      handleInput,
      opaqueLink,
      accountLink.map((link) => ` <${link}> `),
    ]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          expect(parseSocial(input, parseUrl(input))).toEqual(parseSocial(input));
        }),
      );
    }
  });

  it('normalising twice changes nothing: display and details.url give the same key', () => {
    for (const arbitrary of [accountLink, handleInput, opaqueLink]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          const first = parseSocial(input);
          if (!first.ok) return;
          for (const again of [first.value.display, first.value.details.url]) {
            expect(keyOf(again)).toBe(first.value.key);
          }
        }),
      );
    }
  });

  it('account links parse, and their case does not matter', () => {
    fc.assert(
      fc.property(accountLink, (input) => {
        const key = keyOf(input);
        expect(key).not.toBeNull();
        expect(keyOf(input.toUpperCase().replace(/^HTTPS/, 'https'))).toBe(key);
      }),
    );
  });

  it('opaque codes keep their case', () => {
    fc.assert(
      fc.property(
        opaqueLink.filter((link) => /[A-Za-z]/.test(link.split('/').pop()!)),
        (input) => {
          const code = input.split('/').pop()!;
          const flipped =
            input.slice(0, -code.length) +
            [...code].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
          const key = keyOf(input);
          if (key === null) return; // zalo.me/<letters> is not an account
          expect(keyOf(flipped)).not.toBe(key);
        },
      ),
    );
  });

  it('Facebook usernames ignore dots', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9]{4,14}$/), fc.nat(), (name, at) => {
        const position = 1 + (at % (name.length - 1));
        const dotted = `${name.slice(0, position)}.${name.slice(position)}`;
        expect(keyOf(`facebook.com/${dotted}`)).toBe(keyOf(`facebook.com/${name}`));
      }),
    );
  });
});
