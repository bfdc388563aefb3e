/**
 * `npm run --silent staff -- add --email E --password P [--centre ID] --role advisor|curator|admin`
 * and `list`, `remove --email E`, `reset-password --email E --password P` (which signs the
 * account out everywhere), `revoke-tokens --email E` (signs it out everywhere, password unchanged).
 */
import { parseArgs } from 'node:util';
import { loadCentres } from '../booking/centres.js';
import { CONSOLE_LANGS } from '../staff/console-api.js';
import { StaffAuth, hashPassword, MIN_PASSWORD_LENGTH } from '../staff/auth.js';
import { PATHS } from '../paths.js';
import { loadConfig } from '../server/config.js';
import { openStorage } from '../storage/open.js';
import { UsageError } from './ask.js';
import { STAFF_ROLES, type StaffRole } from '../storage/types.js';

const isStaffRole = (role: unknown): role is StaffRole => STAFF_ROLES.includes(role as StaffRole);

const USAGE = 'usage: npm run --silent staff -- add --email E --password P [--centre ID] --role advisor|curator|admin [--lang xx] (an admin without a centre acts on all) | list | remove --email E | reset-password --email E --password P | revoke-tokens --email E';

export async function staff(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' }, centre: { type: 'string' }, role: { type: 'string' }, lang: { type: 'string' } } });
  const config = loadConfig();
  const storage = await openStorage(config.databaseUrl);
  try {
    const auth = new StaffAuth(storage.staff, () => new Date());
    switch (verb) {
      case 'add': {
        const { email, password, role, lang = 'en' } = values;
        const centre = values.centre ?? '';
        if (!email || !password || !isStaffRole(role)) throw new UsageError(USAGE);
        // Advisors work for one centre; curators (the queue is every centre's) and admins may have none.
        if (!centre && role === 'advisor') throw new UsageError('an advisor needs --centre ID');
        if (!(CONSOLE_LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${CONSOLE_LANGS.join(', ')}`);
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UsageError(`"${email}" is not an email address`);
        if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
        const ids = loadCentres(PATHS.centres).map((c) => c.id);
        if (centre && !ids.includes(centre)) throw new UsageError(`unknown centre "${centre}"; one of: ${ids.join(', ')}`);
        if (await storage.staff.byEmail(email)) throw new UsageError(`${email} already has an account`);
        const member = await auth.create({ email, password, centreId: centre, role, lang });
        console.log(`added ${member.email} (${member.role}, ${member.centreId || 'all centres'}, ${lang})`);
        return;
      }
      case 'list':
        for (const m of await storage.staff.list()) console.log(`${m.email}\t${m.role}\t${m.centreId || 'all centres'}\t${m.lang ?? 'en'}${m.disabled ? '\tdisabled' : ''}`);
        return;
      case 'remove':
        if (!values.email) throw new UsageError(USAGE);
        if (!(await storage.staff.remove(values.email))) throw new UsageError(`no account ${values.email}`);
        await storage.staff.audit({ staffId: null, action: 'staff.remove', target: values.email.toLowerCase() }, new Date());
        console.log(`removed ${values.email}`);
        return;
      case 'reset-password':
        if (!values.email || !values.password) throw new UsageError(USAGE);
        if (values.password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
        if (!(await storage.staff.setPasswordHash(values.email, await hashPassword(values.password)))) throw new UsageError(`no account ${values.email}`);
        await storage.staff.audit({ staffId: null, action: 'staff.reset-password', target: values.email.toLowerCase() }, new Date());
        console.log(`new password set for ${values.email}; its sessions are signed out`);
        return;
      case 'revoke-tokens': {
        if (!values.email) throw new UsageError(USAGE);
        const count = await auth.revokeAll(values.email);
        if (count === undefined) throw new UsageError(`no account ${values.email}`);
        console.log(`${count} sessions of ${values.email.toLowerCase()} signed out`);
        return;
      }
      default:
        throw new UsageError(USAGE);
    }
  } finally {
    await storage.close();
  }
}
