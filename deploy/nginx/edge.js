// njs (nginx >= 1.22 with ngx_http_js_module, njs >= 0.7): the reader's tier from the signed edge
// cookie that Node issues (lib/edge/cookie.ts — keep the two in step), verified here with
// HMAC-SHA256 so nginx learns the tier without a round trip to Node.
//   mh_edge = <publication>.<tier>.<expires>.<sig>
//   sig     = base64url HMAC-SHA256(EDGE_SECRET, "<publication>.<tier>.<expires>.<session cookie>")
//   ""      → unknown: bypass the cache and let Node answer (and issue a fresh cookie)
//   "anon"  → no session cookie at all
//   <tier>  → the tier the cookie vouches for, for exactly the session cookie sent with it, in the
//             publication this request's Host maps to ($masthead_publication, publications.conf):
//             a cookie issued on another publication's host names a tier of that publication
var crypto = require('crypto');

var SESSION_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];
var EDGE_NAME = 'mh_edge';
var TIER = /^[a-z0-9_-]{1,64}$/;
var PUBLICATION = /^[a-z][a-z0-9-]{0,39}$/;
var EXPIRES = /^\d{1,12}$/;

// All values per name, raw (no decoding), split like lib/edge/cookie.ts cookieValues().
function cookieValues(header) {
    var out = {};
    if (!header) return out;
    var parts = header.split(';');
    for (var i = 0; i < parts.length; i++) {
        var eq = parts[i].indexOf('=');
        if (eq < 0) continue;
        var name = parts[i].slice(0, eq).trim();
        (out[name] = out[name] || []).push(parts[i].slice(eq + 1).trim());
    }
    return out;
}

// Compares without an early exit, so the time taken says nothing about where a forgery differs.
function sameString(a, b) {
    if (a.length !== b.length) return false;
    var diff = 0;
    for (var i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
    return diff === 0;
}

function tier(r) {
    var cookies = cookieValues(r.headersIn.Cookie);
    var session = null;
    for (var n = 0; n < SESSION_NAMES.length; n++) {
        var name = SESSION_NAMES[n];
        // Chunked (name.0, name.1…) or repeated session cookies are ambiguous: let Node decide.
        if (cookies[name + '.0']) return '';
        if (!cookies[name]) continue;
        if (cookies[name].length !== 1 || session !== null) return '';
        session = cookies[name][0];
    }
    if (session === null) return 'anon';

    var edge = cookies[EDGE_NAME];
    if (!edge || edge.length !== 1) return '';
    var publication = r.variables.masthead_publication;
    if (!publication || !PUBLICATION.test(publication)) {
        r.error('masthead edge: $masthead_publication is not a publication slug (see publications.conf); bypassing the cache');
        return '';
    }
    var parts = edge[0].split('.');
    // Another publication's cookie (the slug is not secret) needs no HMAC to be refused.
    if (parts.length !== 4 || parts[0] !== publication || !TIER.test(parts[1]) || !EXPIRES.test(parts[2])) return '';
    if (Number(parts[2]) <= Math.floor(Date.now() / 1000)) return '';
    var key = process.env.EDGE_SECRET;
    if (!key) {
        r.error('masthead edge: EDGE_SECRET is not set (add `env EDGE_SECRET;` to nginx.conf); bypassing the cache');
        return '';
    }
    var expected = crypto.createHmac('sha256', key).update(publication + '.' + parts[1] + '.' + parts[2] + '.' + session).digest('base64url');
    return sameString(expected, parts[3]) ? parts[1] : '';
}

export default { tier };
