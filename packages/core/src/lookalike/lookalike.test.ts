import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRANDS } from './data/brands.js';
import { checkLookalike, createLookalikeChecker, type LookalikeTechnique } from './lookalike.js';

// Every host below was written for these tests; none comes from an evaluation data set.

describe('brand data', () => {
  it('has well-formed names and domains', () => {
    const ids = new Set<string>();
    for (const brand of BRANDS) {
      expect(ids.has(brand.id), brand.id).toBe(false);
      ids.add(brand.id);
      expect(brand.officialDomains.length, brand.id).toBeGreaterThan(0);
      for (const name of brand.names ?? []) expect(name, brand.id).toMatch(/^[a-z0-9]{6,}$/);
      for (const name of brand.boundedNames ?? []) expect(name, brand.id).toMatch(/^[a-z0-9]{3,}$/);
      for (const code of brand.codes ?? []) expect(code, brand.id).toMatch(/^[a-z0-9]{2,4}$/);
      for (const domain of [...brand.officialDomains, ...(brand.unverifiedDomains ?? [])]) {
        expect(domain, brand.id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      }
    }
    expect(BRANDS.filter((brand) => brand.kind === 'bank').length).toBeGreaterThanOrEqual(40);
  });
});

describe('official domains', () => {
  it('answers official for every official domain of every brand', () => {
    for (const brand of BRANDS) {
      for (const domain of brand.officialDomains) {
        const result = checkLookalike(domain);
        expect(result.verdict, domain).toBe('official');
        expect(result.brand?.id, domain).toBe(brand.id);
      }
    }
  });
  it('keeps official domains official under a benign subdomain, in a URL, in any case', () => {
    const official = fc.constantFrom(...BRANDS.flatMap((brand) => brand.officialDomains));
    const subdomain = fc.constantFrom('www', 'm', 'ebank', 'online', 'api', 'portal', 'cskh', 'app');
    fc.assert(
      fc.property(official, subdomain, fc.boolean(), (domain, label, asUrl) => {
        const host = `${label}.${domain}`;
        const input = asUrl ? `https://${host.toUpperCase()}/dang-nhap?ref=1` : host;
        expect(checkLookalike(input).verdict).toBe('official');
      }),
    );
  });
  it('treats every host under gov.vn as official', () => {
    for (const host of [
      'gov.vn',
      'dichvucong.gov.vn',
      'congan.thainguyen.gov.vn',
      'thuedientu.gdt.gov.vn',
      'sotttt.laichau.gov.vn',
    ]) {
      const result = checkLookalike(host);
      expect(result.verdict, host).toBe('official');
      expect(result.brand?.kind, host).toBe('government');
    }
    expect(checkLookalike('dichvucong.gov.vn').brand?.id).toBe('dichvucong');
    expect(checkLookalike('sotttt.laichau.gov.vn').brand?.id).toBe('gov-vn');
  });
  it('warns that pages on shared official hosts may still be scams', () => {
    const result = checkLookalike('https://sites.google.com/view/nhan-qua');
    expect(result.verdict).toBe('official');
    expect(result.userContent).toBe(true);
    expect(checkLookalike('www.vietcombank.com.vn').userContent).toBeUndefined();
  });
  it('does not confirm domains it only believes to be official', () => {
    expect(checkLookalike('vietcombank.com').verdict).toBe('none');
  });
});

describe('lookalikes', () => {
  const cases: [string, string, LookalikeTechnique][] = [
    // look-alike characters
    ['vietc0mbank.com', 'vietcombank', 'confusable'],
    ['v\u0456etcombank.com', 'vietcombank', 'confusable'], // Cyrillic і
    ['v\u0456etcombank.com.vn', 'vietcombank', 'confusable'],
    ['xn--vetcombank-x2i.com.vn', 'vietcombank', 'confusable'],
    ['vietcornbank.net', 'vietcombank', 'confusable'], // rn for m
    ['b1dv.com.vn', 'bidv', 'confusable'],
    ['\u0430gribank.vn', 'agribank', 'confusable'], // Cyrillic а
    ['m\u03bfm\u03bf-vi.vn', 'momo', 'confusable'], // Greek ο
    ['\u0440\u0430\u0443\u0440\u0430l.com', 'paypal', 'confusable'],
    ['techc\u03bfmbank-xacthuc.com', 'techcombank', 'confusable'],
    // added words, before or after, with or without hyphens
    ['vietcombank-hotro.com', 'vietcombank', 'added_words'],
    ['hotro-vcb.net', 'vietcombank', 'added_words'],
    ['vcbdgtlbnk.com', 'vietcombank', 'added_words'], // kit: "vcb" + random letters
    ['dangkynhanquabidv.net', 'bidv', 'added_words'],
    ['nhanqua-momo.vn', 'momo', 'added_words'],
    ['acb-xacminh.online', 'acb', 'added_words'],
    ['my-vib-bank.com', 'vib', 'added_words'],
    ['tpbank-vaynhanh24h.net', 'tpbank', 'added_words'],
    ['sacombank-khuyenmai.com', 'sacombank', 'added_words'],
    ['zalopay-uudai.com', 'zalopay', 'added_words'],
    ['shopee-tuyendungctv.com', 'shopee', 'added_words'],
    ['viettel-nhanqua.com', 'viettel', 'added_words'],
    ['dichvucong-tructuyen.com', 'dichvucong', 'added_words'],
    ['vneid-xacthuc.com', 'vneid', 'added_words'],
    ['tiendien-evn.online', 'evn', 'added_words'],
    ['apple-id-verify.com', 'apple', 'added_words'],
    // another top-level domain
    ['vietcombank.cc', 'vietcombank', 'other_tld'],
    ['vietcombank.com.co', 'vietcombank', 'other_tld'],
    ['bidv.site', 'bidv', 'other_tld'],
    ['momo.com.vn.co', 'momo', 'subdomain'],
    ['techcombank.vn', 'techcombank', 'other_tld'],
    ['google.com.vn.co', 'google', 'subdomain'],
    // typos
    ['vietcombnak.com', 'vietcombank', 'typo'],
    ['vietcomank.com', 'vietcombank', 'typo'],
    ['techcombankk.com', 'techcombank', 'typo'],
    ['sacombak-online.com', 'sacombank', 'typo'],
    ['shopeee-sale.com', 'shopee', 'added_words'],
    ['lazadda.com', 'lazada', 'typo'],
    ['paypai-login.com', 'paypal', 'confusable'], // i for l
    ['pyapal-login.com', 'paypal', 'typo'],
    ['shopeee.com', 'shopee', 'typo'],
    // brand in front of somebody else's domain
    ['vietcombank.com.vn.evil.xyz', 'vietcombank', 'subdomain'],
    ['bidv.com.vn-login.example.net', 'bidv', 'subdomain'],
    ['dichvucong.gov.vn.example.com', 'dichvucong', 'subdomain'],
    ['paypal-account.sharepoint.com', 'paypal', 'subdomain'],
    ['vietcombank-hotro.blogspot.com', 'vietcombank', 'added_words'],
    // hyphens
    ['viet-com-bank.com', 'vietcombank', 'hyphenation'],
    ['tech-combank.net', 'techcombank', 'hyphenation'],
    ['dichvucong-gov.vn', 'dichvucong', 'hyphenation'],
    ['thue-dien-tu.com', 'thue', 'hyphenation'],
    ['nganhangnhanuoc-hotro.com', 'sbv', 'added_words'],
    ['bocongthuong-canhbao.org', 'bo-nganh', 'added_words'],
  ];
  it.each(cases)('%s imitates %s (%s)', (host, brandId, technique) => {
    const result = checkLookalike(host);
    expect(result.verdict).toBe('lookalike');
    expect(result.brand?.id).toBe(brandId);
    expect(result.technique).toBe(technique);
    expect(result.officialDomains?.length).toBeGreaterThan(0);
    expect(result.reason).toContain(result.brand?.name ?? '?');
  });

  it('catches gov.vn imitations outside gov.vn', () => {
    for (const host of ['tracuu-gov.vn', 'hanoi-gov-vn.com', 'gov.vn.example.org']) {
      const result = checkLookalike(host);
      expect(result.verdict, host).toBe('lookalike');
      expect(result.brand?.kind, host).toBe('government');
    }
  });

  it('flags every distinctive name with added words, another ending and look-alike letters', () => {
    for (const brand of BRANDS) {
      for (const name of brand.names ?? []) {
        for (const host of [`${name}-hotro.com`, `xacminh-${name}.net`, `${name}.cc`]) {
          const result = checkLookalike(host);
          expect(result.verdict, host).toBe('lookalike');
          expect(result.brand?.id, host).toBe(brand.id);
        }
        if (/[aeio]/.test(name)) {
          const spoofed = name
            .replace('a', '\u0430')
            .replace('e', '\u0435')
            .replace('o', '\u03bf')
            .replace('i', '\u0456');
          const result = checkLookalike(`${spoofed}.com`);
          expect(result.verdict, spoofed).toBe('lookalike');
          expect(result.brand?.id, spoofed).toBe(brand.id);
          expect(result.technique, spoofed).toBe('confusable');
        }
      }
    }
  });

  it('flags a swap of two inner letters in long names as a typo', () => {
    for (const brand of BRANDS) {
      for (const name of brand.names ?? []) {
        if (name.length < 7 || (name.endsWith('bank') && name.length < 8)) continue;
        const middle = Math.floor(name.length / 2);
        if (name[middle] === name[middle + 1]) continue;
        const swapped = name.slice(0, middle) + name[middle + 1] + name[middle] + name.slice(middle + 2);
        const result = checkLookalike(`${swapped}.com`);
        expect(result.verdict, swapped).toBe('lookalike');
        expect(result.brand?.id, swapped).toBe(brand.id);
      }
    }
  });
});

describe('legitimate domains', () => {
  const legitimate = [
    // news, shops, services, universities
    'vnexpress.net',
    'tuoitre.vn',
    'thanhnien.vn',
    'dantri.com.vn',
    'vietnamnet.vn',
    'baomoi.com',
    'thegioididong.com',
    'dienmayxanh.com',
    'fptshop.com.vn',
    'cellphones.com.vn',
    'sendo.vn',
    'bachhoaxanh.com',
    'hasaki.vn',
    'vinmec.com',
    'vietjetair.com',
    'vietnamairlines.com',
    'hust.edu.vn',
    'vnu.edu.vn',
    'hcmut.edu.vn',
    'ueh.edu.vn',
    'neu.edu.vn',
    'ftu.edu.vn',
    'wikipedia.org',
    'github.com',
    'stackoverflow.com',
    'amazon.com',
    'netflix.com',
    'grab.com',
    'vietnam.travel',
    'vietcetera.com',
    // words and names that contain a short brand code or a brand-like word
    'vibe.com',
    'vibes.vn',
    'acbd.org',
    'macbook.com',
    'bidvest.co.za',
    'tcbscan.com',
    'ocbc.com',
    'msbuild.com',
    'shbet-review.com',
    'scbx.com',
    'hdb.gov.sg',
    'fbt.edu.vn',
    'momoshop.com.tw',
    'momotaro.com',
    'zalora.sg',
    'tikitaka.com',
    'appleton.com',
    'pineapple.com',
    'applebees.com',
    'snapple.com',
    'shoppe.com',
    'paypay.ne.jp',
    'goggles.com',
    'bidcorp.com',
    'vietinhoc.vn',
    'onthigplx.vn',
    'vnpthanoi.vn',
    'outlookindia.com',
    'evnet.com',
    'mbank.pl',
    'vietnambank.org',
    'tapchicongan.vn',
    'baochinhphu.vn',
    'google.de',
    'hsbc.co.uk',
    'shinhan.co.kr',
    'timo.vn',
    'evan.com',
    'gmx.net',
  ];
  it.each(legitimate)('%s is not flagged', (host) => {
    expect(checkLookalike(host).verdict).not.toBe('lookalike');
  });
});

describe('robustness', () => {
  it('answers none for inputs without a domain name', () => {
    for (const input of ['', '   ', '1.1.1.1', 'http://[::1]/', 'localhost', 'vietcombank', 'com.vn', '😀']) {
      expect(checkLookalike(input).verdict, input).toBe('none');
    }
  });
  it('never throws and is deterministic', () => {
    const host = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.domain(),
      fc.webUrl(),
      fc
        .tuple(fc.constantFrom('vietcombank', 'bidv', 'acb', 'momo', 'g\u03bfogle'), fc.domain())
        .map(([name, domain]) => `${name}-${domain}`),
    );
    fc.assert(
      fc.property(host, (input) => {
        const first = checkLookalike(input);
        expect(['official', 'lookalike', 'none']).toContain(first.verdict);
        expect(first.reason.length).toBeGreaterThan(0);
        expect(checkLookalike(input)).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });
  it('stays fast on long and hostile labels', () => {
    const checker = createLookalikeChecker();
    const hosts = [
      `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.com`,
      `${'vietcombank'.repeat(5)}.${'momo'.repeat(15)}.xyz`,
      `${'vay-'.repeat(15)}bidv.com`,
      `${'\u0430'.repeat(60)}.com`,
    ];
    const started = performance.now();
    for (let round = 0; round < 50; round++) for (const host of hosts) checker.check(host);
    const perHostMs = (performance.now() - started) / (50 * hosts.length);
    expect(perHostMs).toBeLessThan(5); // typical hosts take ~15 µs; this guards against blow-ups
  });
});
