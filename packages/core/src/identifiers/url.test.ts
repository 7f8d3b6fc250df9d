import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePunycode,
  hostKey,
  hostToUnicode,
  parseDomain,
  parseDomainOfLink,
  parseUrl,
  MAX_URL_INPUT_LENGTH,
} from './url.js';

const keyOf = (input: string): string | null => {
  const result = parseUrl(input);
  return result.ok ? result.value.key : null;
};
const codeOf = (input: string): string | null => {
  const result = parseUrl(input);
  return result.ok ? null : result.code;
};

describe('parseUrl: one key for every spelling of the same page', () => {
  // A look-alike of a bank's support site, as it arrives in SMS, Zalo and warnings.
  const SAME_PAGE = [
    'vietcombank-hotro.com/login',
    'http://vietcombank-hotro.com/login',
    'https://vietcombank-hotro.com/login',
    'HTTPS://WWW.VIETCOMBANK-HOTRO.COM./login',
    'https://vietcombank-hotro.com:443/login',
    'http://vietcombank-hotro.com:80/login',
    'hxxp://vietcombank-hotro[.]com/login',
    'hXXps[:]//vietcombank-hotro(.)com/login',
    'vietcombank-hotro[dot]com/login',
    'vietcombank-hotro{.}com/login',
    '<https://vietcombank-hotro.com/login>',
    '  "https://vietcombank-hotro.com/login"  ',
    'https://vietcom\u200Bbank-hotro.com/login',
    'https://vietcombank-hotro.com/login#/otp',
    'https://vietcombank-hotro.com/login?utm_source=zalo&utm_medium=zalo&utm_campaign=zalo&zarsrc=30',
    'https://vietcombank-hotro.com/login?fbclid=IwAR3xYz&mibextid=Zxz2cZ',
    'https://vietcombank-hotro.com/login?gclid=EAIaIQ&gbraid=0AAA&msclkid=abc&ttclid=E.C.P&igshid=MzRl',
    'https://vietcombank-hotro.com/login?mc_eid=1&_hsenc=p2&gidzl=3uwU&srsltid=AfmB',
    'https://vietcombank-hotro.com/login?',
    'https://vietcombank-hotro.com/%6Cogin',
    'https://vietcombank-hotro.com/a/../login',
    'http://vietcombank.com.vn@vietcombank-hotro.com/login',
    'https://ｖｉｅｔｃｏｍｂａｎｋ-ｈｏｔｒｏ．ｃｏｍ/login',
    'http//vietcombank-hotro.com/login',
  ];
  it.each(SAME_PAGE)('%s → url:vietcombank-hotro.com/login', (input) => {
    expect(keyOf(input)).toBe('url:vietcombank-hotro.com/login');
  });

  it.each([
    ['https://evil.com/Login', 'url:evil.com/Login'], // path case is kept: servers may tell them apart
    ['https://evil.com/login/', 'url:evil.com/login/'],
    ['evil.com', 'url:evil.com/'],
    ['https://evil.com:8443/x', 'url:evil.com:8443/x'],
    ['http://evil.com:443/x', 'url:evil.com:443/x'], // 443 is not http's default port
    ['https://evil.com/x?b=2&a=1', 'url:evil.com/x?a=1&b=2'],
    ['https://evil.com/x?a=2&b=1&a=1', 'url:evil.com/x?a=2&a=1&b=1'], // stable: repeated names keep order
    ['https://evil.com/x?id=123&token=abc&utm_term=x', 'url:evil.com/x?id=123&token=abc'],
    ['https://evil.com/x?a=1&&b', 'url:evil.com/x?a=1&b'],
    [
      'https://evil.com/o/index.html?alt=media&amp;token=86e7',
      'url:evil.com/o/index.html?alt=media&token=86e7',
    ],
    ['https://evil.com/%7euser/%41%62c', 'url:evil.com/~user/Abc'],
    ['https://evil.com/a%2fb?q=%2f%7e', 'url:evil.com/a%2Fb?q=%2F~'],
    ['https://evil.com/%e1%ba%a1', 'url:evil.com/%E1%BA%A1'],
    ['https://evil.com/tiền', 'url:evil.com/ti%E1%BB%81n'],
    ['https://evil.com/x?si=abc', 'url:evil.com/x?si=abc'], // `si` is tracking on YouTube only
    ['https://youtu.be/dQw4w9WgXcQ?si=abc&t=42', 'url:youtu.be/dQw4w9WgXcQ?t=42'],
    [
      'https://www.tiktok.com/@abc/video/1?is_from_webapp=1&sender_device=pc&_t=8x&_r=1',
      'url:tiktok.com/@abc/video/1',
    ],
    ['https://www.facebook.com/x/posts/1?__cft__[0]=AZV&__tn__=%2CO%2CP-R', 'url:facebook.com/x/posts/1'],
    ['https://www.web.app/', 'url:www.web.app/'], // www.web.app is a customer of the private suffix web.app
    ['https://www.www.evil.com/', 'url:www.evil.com/'],
  ])('%s → %s', (input, key) => {
    expect(keyOf(input)).toBe(key);
  });

  it('fills the details', () => {
    const result = parseUrl('HTTPS://Login.Vietcombank-Hotro.COM:8443/a?utm_source=x#f');
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'url',
        key: 'url:login.vietcombank-hotro.com:8443/a',
        display: 'https://login.vietcombank-hotro.com:8443/a',
        details: {
          url: 'https://login.vietcombank-hotro.com:8443/a',
          scheme: 'https',
          host: 'login.vietcombank-hotro.com',
          hostUnicode: 'login.vietcombank-hotro.com',
          port: 8443,
          registrableDomain: 'vietcombank-hotro.com',
          publicSuffix: 'com',
          isIp: false,
          isGovVn: false,
          isPrivateSuffix: false,
          hasUserinfo: false,
        },
      },
    });
  });

  it('keeps www. in details and display but not in the key', () => {
    const result = parseUrl('www.vietcombank.com.vn');
    expect(result.ok && [result.value.key, result.value.display, result.value.details.host]).toEqual([
      'url:vietcombank.com.vn/',
      'http://www.vietcombank.com.vn/',
      'www.vietcombank.com.vn',
    ]);
  });

  it('records the user-info trick', () => {
    const result = parseUrl('http://vietcombank.com.vn:otp@evil.com/');
    expect(result.ok && result.value.details.hasUserinfo).toBe(true);
    expect(result.ok && result.value.details.registrableDomain).toBe('evil.com');
  });

  it('uses the public suffix list with private suffixes', () => {
    const app = parseUrl('https://login.vietcombank.web.app/x');
    expect(app.ok && app.value.details).toMatchObject({
      registrableDomain: 'vietcombank.web.app',
      publicSuffix: 'web.app',
      isPrivateSuffix: true,
    });
    const pages = parseUrl('https://evil.github.io/');
    expect(pages.ok && pages.value.details.registrableDomain).toBe('evil.github.io');
    const blog = parseUrl('http://khuyenmai-tet.blogspot.com/');
    expect(blog.ok && blog.value.details.registrableDomain).toBe('khuyenmai-tet.blogspot.com');
    const vn = parseUrl('https://www.vietcombank.com.vn/');
    expect(vn.ok && vn.value.details).toMatchObject({
      registrableDomain: 'vietcombank.com.vn',
      publicSuffix: 'com.vn',
    });
  });

  it('tells .gov.vn hosts from look-alikes', () => {
    const real = parseUrl('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
    expect(real.ok && real.value.details.isGovVn).toBe(true);
    for (const fake of [
      'https://dichvucong.gov.vn.evil.com/',
      'https://dichvucong-gov.vn.com/',
      'https://govvn.com/',
    ]) {
      const result = parseUrl(fake);
      expect(result.ok && result.value.details.isGovVn).toBe(false);
    }
  });

  it('accepts IPv4 and IPv6 hosts, normalised', () => {
    expect(keyOf('http://1.2.3.4/x')).toBe('url:1.2.3.4/x');
    expect(keyOf('http://0x01020304/x')).toBe('url:1.2.3.4/x'); // hexadecimal IPv4, as browsers read it
    expect(keyOf('http://16909060/x')).toBe('url:1.2.3.4/x');
    expect(keyOf('http://[2001:DB8:0:0::1]:8080/')).toBe('url:[2001:db8::1]:8080/');
    const result = parseUrl('103.97.125.1/login');
    expect(result.ok && result.value.details).toMatchObject({
      isIp: true,
      registrableDomain: '103.97.125.1',
      publicSuffix: null,
    });
  });

  it('converts Unicode hosts to punycode and shows them in Unicode', () => {
    const unicode = parseUrl('http://ngân-hàng.vn/x');
    const ascii = parseUrl('http://xn--ngn-hng-dwao.vn/x');
    expect(unicode.ok && unicode.value.key).toBe('url:xn--ngn-hng-dwao.vn/x');
    expect(ascii.ok && ascii.value.key).toBe('url:xn--ngn-hng-dwao.vn/x');
    expect(ascii.ok && ascii.value.display).toBe('http://ngân-hàng.vn/x');
    expect(ascii.ok && ascii.value.details.hostUnicode).toBe('ngân-hàng.vn');
    expect(decodePunycode('ngn-hng-dwao')).toBe('ngân-hàng');
    // Upper case and decomposed (NFD) input are the same host under UTS-46.
    expect(keyOf('http://NGÂN-HÀNG.VN/x')).toBe('url:xn--ngn-hng-dwao.vn/x');
    expect(keyOf('http://ngân-hàng.vn/x'.normalize('NFD'))).toBe('url:xn--ngn-hng-dwao.vn/x');
  });

  it.each([
    ['', 'url.empty'],
    ['   \u200B ', 'url.empty'],
    ['javascript:alert(document.cookie)', 'url.unsupported_scheme'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'url.unsupported_scheme'],
    ['file:///C:/Users/a/Desktop/hoadon.html', 'url.unsupported_scheme'],
    ['ftp://files.evil.com/a.apk', 'url.unsupported_scheme'],
    ['mailto:cskh@vietcombank.com.vn', 'url.unsupported_scheme'],
    ['tel:0912345678', 'url.unsupported_scheme'],
    ['intent://scan/#Intent;scheme=zxing;end', 'url.unsupported_scheme'],
    ['localhost', 'url.no_public_suffix'],
    ['http://localhost:3000/admin', 'url.no_public_suffix'],
    ['foo.invalid', 'url.no_public_suffix'],
    ['router.local/setup', 'url.no_public_suffix'],
    ['x.unknowntld', 'url.no_public_suffix'],
    ['http://vn/', 'url.no_public_suffix'],
    ['http://evil..com/', 'url.invalid_host'],
    ['http://ev!l.com/', 'url.invalid_host'],
    ['http://exa mple.com/', 'url.invalid_host'],
    ['http://xn--zz.com/', 'url.invalid_host'],
    ['http://[::1/', 'url.invalid_host'],
    [`${'a'.repeat(64)}.com`, 'url.invalid_host'],
    [`https://evil.com/${'a'.repeat(MAX_URL_INPUT_LENGTH)}`, 'url.invalid'],
  ])('%j fails with %s', (input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('explains failures in words', () => {
    const result = parseUrl('javascript:alert(1)');
    expect(result.ok ? '' : result.message).toMatch(/javascript/);
  });
});

describe('parseDomain and hostKey', () => {
  it.each([
    ['https://www.vietcombank.com.vn/vi/Personal', 'domain:vietcombank.com.vn'],
    ['VIETCOMBANK.COM.VN.', 'domain:vietcombank.com.vn'],
    ['ibanking.vietcombank.com.vn', 'domain:vietcombank.com.vn'],
    ['login.evil.web.app', 'domain:evil.web.app'],
    ['evil.github.io', 'domain:evil.github.io'],
    ['github.io', 'domain:github.io'],
    ['*.llzd9.com', 'domain:llzd9.com'],
    ['.llzd9.com', 'domain:llzd9.com'],
    ['vietcombank-hotro[.]com', 'domain:vietcombank-hotro.com'],
    ['ngân-hàng.vn', 'domain:xn--ngn-hng-dwao.vn'],
    ['1.1.1.1', 'domain:1.1.1.1'],
    ['gov.vn', 'domain:gov.vn'], // a suffix that is also a web site, run by its registry
    ['binhthuan.vn', 'domain:binhthuan.vn'], // a province suffix on the public suffix list
  ])('%s → %s', (input, key) => {
    const result = parseDomain(input);
    expect(result.ok && result.value.key).toBe(key);
  });

  it('fills the details', () => {
    expect(parseDomain('https://xn--ngn-hng-dwao.vn/')).toEqual({
      ok: true,
      value: {
        kind: 'domain',
        key: 'domain:xn--ngn-hng-dwao.vn',
        display: 'ngân-hàng.vn',
        details: {
          domain: 'xn--ngn-hng-dwao.vn',
          unicode: 'ngân-hàng.vn',
          publicSuffix: 'vn',
          isGovVn: false,
          isIp: false,
          isPrivateSuffix: false,
        },
      },
    });
    const gov = parseDomain('https://dichvucong.gov.vn/');
    expect(gov.ok && gov.value.details).toMatchObject({
      domain: 'dichvucong.gov.vn',
      isGovVn: true,
      publicSuffix: 'gov.vn',
    });
  });

  it.each([
    ['', 'domain.invalid'],
    ['javascript:alert(1)', 'domain.invalid'],
    ['a b.com', 'domain.invalid'],
    ['evil..com', 'domain.invalid'],
    ['localhost', 'domain.no_public_suffix'],
    ['foo.invalid', 'domain.no_public_suffix'],
  ])('%j fails with %s', (input, code) => {
    const result = parseDomain(input);
    expect(result.ok ? null : result.code).toBe(code);
  });

  it('hostKey keeps the whole host but www.', () => {
    expect(hostKey('https://WWW.Login.Evil.com/x')).toBe('host:login.evil.com');
    expect(hostKey('login.evil.com')).toBe('host:login.evil.com');
    expect(hostKey('evil.com')).toBe('host:evil.com');
    expect(hostKey('a.evil.web.app')).toBe('host:a.evil.web.app');
    expect(hostKey('localhost')).toBeNull();
    expect(hostKey('')).toBeNull();
  });
});

describe('punycode', () => {
  // RFC 3492 §7.1 sample strings (J) Spanish, (K) Vietnamese, (L) and (M) Japanese.
  it.each([
    ['PorqunopuedensimplementehablarenEspaol-fmd56a', 'PorquénopuedensimplementehablarenEspañol'],
    ['TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g', 'TạisaohọkhôngthểchỉnóitiếngViệt'],
    ['3B-ww4c5e180e575a65lsy2b', '3年B組金八先生'],
    ['-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n', '安室奈美恵-with-SUPER-MONKEYS'],
  ])('decodes %s', (encoded, decoded) => {
    expect(decodePunycode(encoded)).toBe(decoded);
  });

  it('refuses what is not punycode', () => {
    expect(decodePunycode('abc!')).toBeNull();
    expect(decodePunycode('a-é')).toBeNull();
    expect(decodePunycode('99999999999')).toBeNull(); // overflows
  });

  it('hostToUnicode decodes only labels that round-trip', () => {
    expect(hostToUnicode('xn--bcher-kva.com')).toBe('bücher.com');
    expect(hostToUnicode('www.xn--ngn-hng-dwao.vn')).toBe('www.ngân-hàng.vn');
    expect(hostToUnicode('evil.com')).toBe('evil.com');
  });
});

// ---- properties ----------------------------------------------------------------------------------------

const anyUrl = fc.webUrl({
  withQueryParameters: true,
  withFragments: true,
  authoritySettings: {
    withIPv4: true,
    withIPv6: true,
    withIPv4Extended: true,
    withPort: true,
    withUserInfo: true,
  },
});

// Hosts under real suffixes, so that generated links parse: Vietnamese letters make IDN labels.
const VIETNAMESE_LETTERS = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789',
];
const label = fc
  .array(fc.constantFrom(...VIETNAMESE_LETTERS), { minLength: 1, maxLength: 20 })
  .map((letters) => letters.join(''));
const suffix = fc.constantFrom('vn', 'com.vn', 'gov.vn', 'com', 'net', 'web.app', 'github.io');
const host = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), suffix)
  .map(([labels, end]) => `${labels.join('.')}.${end}`);
const path = fc
  .array(fc.stringMatching(/^[A-Za-z0-9._~%-]{0,12}$/), { maxLength: 4 })
  .map((segments) => `/${segments.join('/')}`);
const query = fc
  .array(fc.tuple(fc.stringMatching(/^[a-z_]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9%+-]{0,8}$/)), {
    maxLength: 4,
  })
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&'));
const realisticUrl = fc
  .tuple(fc.constantFrom('', 'http://', 'https://', 'HTTPS://'), fc.boolean(), host, path, query)
  .map(
    ([scheme, www, name, pathText, queryText]) =>
      `${scheme}${www ? 'www.' : ''}${name}${pathText}${queryText ? `?${queryText}` : ''}`,
  );

describe('parseUrl properties', () => {
  it('never throws', () => {
    for (const arbitrary of [fc.string(), fc.string({ unit: 'binary' }), anyUrl, realisticUrl]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          parseUrl(input);
          parseDomain(input);
          hostKey(input);
        }),
      );
    }
  });

  it('parseDomainOfLink, given parseUrl of the same input, answers as parseDomain', () => {
    const blockListForm = fc
      .tuple(fc.constantFrom('*.', '.', ' *.', '"'), host)
      .map(([prefix, name]) => `${prefix}${name}`);
    for (const arbitrary of [fc.string(), anyUrl, realisticUrl, host, blockListForm]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          expect(parseDomainOfLink(input, parseUrl(input))).toEqual(parseDomain(input));
        }),
      );
    }
  });

  it('parses realistic links', () => {
    fc.assert(
      fc.property(realisticUrl, (input) => {
        expect(parseUrl(input).ok).toBe(true);
      }),
    );
  });

  it('normalising twice changes nothing: display and details.url give the same key', () => {
    for (const arbitrary of [anyUrl, realisticUrl, fc.string()]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          const first = parseUrl(input);
          if (!first.ok) return;
          for (const again of [first.value.display, first.value.details.url]) {
            const second = parseUrl(again);
            expect(second.ok && second.value.key).toBe(first.value.key);
            expect(second.ok && second.value.display).toBe(first.value.display);
          }
        }),
      );
    }
  });

  it('the Unicode and punycode spellings of a host are one key (round trip)', () => {
    fc.assert(
      fc.property(host, (name) => {
        const unicode = parseUrl(name);
        if (!unicode.ok) return; // e.g. a label of only digits and a hyphen pattern UTS-46 refuses
        const { host: ascii, hostUnicode } = unicode.value.details;
        expect(hostUnicode).toBe(name.normalize('NFC'));
        const fromAscii = parseUrl(ascii);
        expect(fromAscii.ok && fromAscii.value.key).toBe(unicode.value.key);
        expect(fromAscii.ok && fromAscii.value.details.hostUnicode).toBe(hostUnicode);
      }),
    );
  });

  it('ignores tracking parameters, fragments, host case, www. and defanging', () => {
    fc.assert(
      fc.property(
        host,
        path,
        query,
        fc.subarray(['utm_source=zalo', 'fbclid=IwAR0', 'gclid=Cj0', 'zarsrc=30', 'msclkid=1', 'ttclid=E'], {
          minLength: 1,
        }),
        (name, pathText, queryText, tracking) => {
          const plain = keyOf(`https://${name}${pathText}${queryText ? `?${queryText}` : ''}`);
          const noisy = `hxxps://WWW.${name.toUpperCase().replace(/\./g, '[.]')}${pathText}?${[queryText, ...tracking].join('&')}#section`;
          expect(keyOf(noisy)).toBe(plain);
        },
      ),
    );
  });

  it('a domain key is the registrable domain of any of its hosts', () => {
    fc.assert(
      fc.property(host, label, (name, sub) => {
        const direct = parseDomain(name);
        const viaSub = parseDomain(`https://${sub}.${name}/x`);
        // A host that is itself a public suffix (id.vn, gov.vn) has subdomains that are domains of their own.
        if (!direct.ok || direct.value.details.publicSuffix === direct.value.details.domain) return;
        expect(viaSub.ok && viaSub.value.key).toBe(direct.value.key);
        const again = parseDomain(direct.value.display);
        expect(again.ok && again.value.key).toBe(direct.value.key);
      }),
    );
  });
});
