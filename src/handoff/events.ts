/**
 * What the staff console hears live: a handoff opened, a person wrote, someone claimed, handed
 * over, noted, replied or closed. Events carry ids and centres only (no message text, no person),
 * and go through the coordination's logs, so with Redis a console connected to one instance hears
 * what happened on another. Each console filters by what its staff member may see.
 */
import type { ConversationLogs } from '../coordination/conversation-logs.js';
import type { StaffMember } from '../storage/types.js';
import { mayActOn } from '../staff/auth.js';

export type StaffEventType = 'opened' | 'message' | 'claimed' | 'moved' | 'note' | 'closed' | 'settings';

export interface StaffEvent {
  type: StaffEventType;
  handoffId?: string;
  /** The centre the handoff belongs to (null: no centre, admins only). */
  centreId: string | null;
  /** For a handoff moved to another centre: where it was, so that centre's consoles drop it. */
  fromCentreId?: string | null;
  urgent?: boolean;
}

const LOG = 'all';

export class StaffEvents {
  constructor(private readonly logs: ConversationLogs<StaffEvent>) {}

  async publish(event: StaffEvent): Promise<void> {
    await this.logs.append(LOG, () => event);
  }

  /** Listens to the events `member` may see; resolves with the function that stops listening. */
  subscribe(member: StaffMember, listener: (event: StaffEvent) => void): Promise<() => void> {
    return this.logs.subscribe(LOG, (event) => {
      if (mayHear(member, event)) listener(event);
    });
  }
}

export function mayHear(member: StaffMember, event: StaffEvent): boolean {
  const sees = (centreId: string | null | undefined) => (centreId ? mayActOn(member, centreId) : member.role === 'admin');
  return sees(event.centreId) || (event.fromCentreId !== undefined && sees(event.fromCentreId));
}
