/**
 * The Content-Security-Policy of the built site (a meta tag in every page):
 * the app's own scripts, the YouTube IFrame API script and player frames,
 * YouTube thumbnails, and nothing else. No inline scripts (JSON-LD is data,
 * not script). Inline styles are allowed: the YouTube API sets some.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    // Host sources without a scheme: youtube-player asks for the API over http on an http page.
    "script-src 'self' www.youtube.com s.ytimg.com",
    'frame-src https://www.youtube-nocookie.com https://www.youtube.com',
    "img-src 'self' data: https://i.ytimg.com",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
}
