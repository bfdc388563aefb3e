import { createHmac } from 'node:crypto';

/**
 * X-Twilio-Signature exactly as Twilio computes it: HMAC-SHA1 with the auth token over the URL
 * followed by every parameter name and value in name order, base64. Written here from Twilio's
 * documentation, not taken from the twilio package, so the server's check is tested independently.
 */
export function twilioSignature(token: string, url: string, params: Record<string, string>): string {
  const data = url + Object.keys(params).sort().map((k) => k + params[k]).join('');
  return createHmac('sha1', token).update(Buffer.from(data, 'utf8')).digest('base64');
}
