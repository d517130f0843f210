// The built-in webmail hosts: content-script matches per family and the manifest's host_permissions.

/** Gmail (HOSTS.md §1). */
export const GMAIL_MATCHES = ["https://mail.google.com/*"];

/** Outlook on the web, incl. the 2025 outlook.cloud.microsoft move and 21Vianet (HOSTS.md §2). */
export const OUTLOOK_MATCHES = [
  "https://outlook.office.com/*",
  "https://outlook.office365.com/*",
  "https://outlook.live.com/*",
  "https://outlook.cloud.microsoft/*",
  "https://partner.outlook.cn/*",
];

/** QQ Mail new and classic, Tencent Exmail (HOSTS.md §3); classic reads inside the mainFrame iframe. */
export const QQ_MATCHES = [
  "https://mail.qq.com/*",
  "https://wx.mail.qq.com/*",
  "https://exmail.qq.com/*",
  "https://*.exmail.qq.com/*",
];

/** NetEase 163 / 126 / yeah.net and qiye.163.com (HOSTS.md §4). */
export const NETEASE_MATCHES = [
  "https://mail.163.com/*",
  "https://mail.126.com/*",
  "https://mail.yeah.net/*",
  "https://qiye.163.com/*",
  "https://*.qiye.163.com/*",
];

export const BUILTIN_MATCHES = [...GMAIL_MATCHES, ...OUTLOOK_MATCHES, ...QQ_MATCHES, ...NETEASE_MATCHES];
