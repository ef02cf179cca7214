import type { FastifyInstance } from 'fastify';

/** A browser-like session for app.inject: keeps cookies and reads the CSRF token from forms. */
export class FormSession {
  private cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), rest.join('='));
    }
  }

  /** Signs in through the sign-in form, as a person would. */
  async signIn(email: string, password: string) {
    const response = await this.submit('/sign-in', '/sign-in', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode}`);
    return response;
  }

  async get(url: string) {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(response.headers['set-cookie']);
    return response;
  }

  /** GETs the form page, then posts the fields with its CSRF token, as a browser would. */
  async submit(
    formUrl: string,
    action: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: boolean } = {},
  ) {
    const page = await this.get(formUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = new URLSearchParams();
    if (options.csrf !== false) body.append('_csrf', token);
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    const response = await this.app.inject({
      method: 'POST',
      url: action,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(response.headers['set-cookie']);
    return response;
  }
}
