/**
 * Words that scammers glue to a brand name ("vietcombank-hotro", "dangkyvaybidv", "acbonline"),
 * written folded (lower case, no diacritics, đ → d) and without spaces, the way they appear in host
 * names. Written by the Khiên maintainers from public police and bank warnings about phishing sites
 * (Vietnamese) and from the usual phishing lexicon (English). Not derived from any domain list.
 *
 * Two roles:
 * - CONTEXT_WORDS say "this page pretends to be a service of the brand" (support, login, loans, prizes…).
 *   A short code such as "acb" only counts when one of them is in the host.
 * - FILLER_WORDS are neutral glue (numbers-as-words, "vip", gambling words used by "chẵn lẻ MoMo"
 *   sites). They let a name be recognised inside a longer label but are not evidence by themselves.
 */
export const CONTEXT_WORDS: readonly string[] = [
  // Vietnamese: support, customer care, verification, registration
  'hotro', 'cskh', 'chamsoc', 'chamsockhachhang', 'khachhang', 'kh', 'khcn', 'khdn', 'tongdai',
  'xacminh', 'xacthuc', 'xacnhan', 'dangky', 'dangki', 'dk', 'dangnhap', 'kichhoat', 'baomat',
  'capnhat', 'nangcap', 'lienket', 'taikhoan', 'tk', 'the', 'mothe', 'tracuu', 'kiemtra', 'hethong',
  'chinhthuc', 'dichvu', 'tienich', 'trungtam', 'gov',
  // Vietnamese: prizes, promotions, events, jobs
  'nhanqua', 'quatang', 'tangqua', 'qua', 'uudai', 'khuyenmai', 'km', 'sukien', 'trungthuong',
  'thuong', 'tuyendung', 'vieclam', 'ctv', 'congtacvien', 'lixi', 'hoantien', 'hoanphi', 'doidiem',
  'nhiemvu', 'donhang',
  // Vietnamese: loans, cards, money movement
  'vay', 'vayvon', 'vaytien', 'vaynhanh', 'vayonline', 'thechap', 'tinchap', 'tindung', 'tieudung', 'taichinh',
  'nganhang', 'nganhangso', 'nh', 'hanmuc', 'nanghanmuc', 'daohan', 'saoke', 'giaodich', 'thanhtoan',
  'chuyentien', 'nhantien', 'ruttien', 'naptien', 'nap', 'napthe', 'vi', 'vidientu', 'tien',
  // Vietnamese: electricity and fines (EVN, traffic police lookalikes)
  'dienluc', 'tiendien', 'hoadon', 'phatnguoi',
  // English phishing lexicon
  'bank', 'banks', 'banking', 'ebank', 'ebanking', 'ibank', 'ibanking', 'mbank', 'mbanking',
  'digibank', 'digi', 'digital', 'smartbanking', 'smart', 'internetbanking', 'mobilebanking', 'online',
  'onl', 'login', 'signin', 'signon', 'logon', 'secure', 'security', 'verify', 'verification',
  'verified', 'confirm', 'unlock', 'recovery', 'restore', 'support', 'help', 'helpdesk', 'service',
  'services', 'care', 'customer', 'client', 'member', 'members', 'account', 'accounts', 'update',
  'billing', 'invoice', 'payment', 'payments', 'pay', 'wallet', 'card', 'cards', 'credit', 'loan',
  'loans', 'finance', 'official', 'portal', 'center', 'centre', 'auth', 'id', 'app', 'apps',
  'web', 'mobile', 'my', 'gift', 'reward', 'rewards', 'bonus', 'promo', 'voucher', 'event',
  'rating', 'task', 'order', 'refund', 'alert', 'notice', 'international', 'global', 'quocte',
  'vn', 'vietnam', 'viet',
];

/** Single letters count only at the start of a label part (e-, i-, m-banking) … */
export const EDGE_PREFIXES: readonly string[] = ['e', 'i', 'm'];
/** … or as a plural s at its end. */
export const EDGE_SUFFIX = 's';

export const FILLER_WORDS: readonly string[] = [
  // neutral marketing glue
  'new', 'vip', 'pro', 'plus', 'club', 'top', 'best', 'hot', 'sieu', 'sieutoc', 'nhanh', 'go',
  'get', 'live', 'now', 'vui', 'win', 'king', 'sun',
  // gambling words ("chẵn lẻ MoMo", "tài xỉu", "xổ số") used by sites that borrow a wallet's name
  'chanle', 'cl', 'cltx', 'tx', 'taixiu', 'xoso', 'loto', 'lode', 'mini', 'minigame', 'game',
  'games', 'casino', 'bet', 'kiemtien', 'kiem', 'choi', 'cuoc', 'phattai', 'tailoc',
];

/**
 * Top-level domains that are cheap and heavily used for throw-away phishing sites (Spamhaus, Interisle
 * and APWG reports list most of them). A bare short code ("evn8.top") counts only on one of these.
 */
export const ABUSED_SUFFIXES: readonly string[] = [
  'xyz', 'top', 'club', 'online', 'site', 'website', 'space', 'fun', 'icu', 'vip', 'shop', 'store',
  'live', 'life', 'world', 'today', 'link', 'click', 'buzz', 'work', 'win', 'bid', 'loan', 'monster',
  'rest', 'cyou', 'cfd', 'sbs', 'lol', 'quest', 'asia', 'info', 'biz', 'pw', 'cc', 'ws', 'tk', 'ml',
  'ga', 'cf', 'gq', 'me', 'io', 'app', 'one', 'pro', 'services', 'support', 'finance', 'money',
  'fund', 'cash', 'credit', 'bank', 'group', 'tech', 'digital', 'network', 'host', 'press', 'ink',
];

/**
 * Vietnamese syllables written folded (no diacritics): onset + rhyme. Scam hosts glue Vietnamese words
 * to a brand ("vuamomo", "nhanvimomo", "thanhphomomo"); a bounded name of a Vietnamese brand counts
 * when the rest of the label reads as Vietnamese syllables. Spelling rules kept: k, gh and ngh only
 * before i/e/y; c, g and ng never before i/e/y; qu never before u; "gi" may stand alone (gì).
 */
export const VIETNAMESE_ONSETS: readonly string[] = [
  '', 'b', 'c', 'ch', 'd', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p',
  'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x',
];

export const VIETNAMESE_RHYMES: readonly string[] = [
  'a', 'ac', 'ach', 'ai', 'am', 'an', 'ang', 'anh', 'ao', 'ap', 'at', 'au', 'ay',
  'e', 'ec', 'em', 'en', 'eng', 'eo', 'ep', 'et', 'eu',
  'i', 'ia', 'ich', 'iec', 'iem', 'ien', 'ieng', 'iep', 'iet', 'ieu', 'im', 'in', 'inh', 'ip', 'it', 'iu',
  'o', 'oa', 'oac', 'oach', 'oai', 'oam', 'oan', 'oang', 'oanh', 'oao', 'oap', 'oat', 'oay', 'oc',
  'oe', 'oem', 'oen', 'oeo', 'oet', 'oi', 'om', 'on', 'ong', 'ooc', 'oong', 'op', 'ot',
  'u', 'ua', 'uan', 'uat', 'uay', 'uc', 'ue', 'uech', 'uenh', 'ui', 'um', 'un', 'ung', 'uoc', 'uoi',
  'uom', 'uon', 'uong', 'uop', 'uot', 'uou', 'up', 'ut', 'uu', 'uy', 'uya', 'uyen', 'uyet', 'uynh',
  'uyt', 'uyu',
  'y', 'yen', 'yet', 'yeu',
];
