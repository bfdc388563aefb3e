/**
 * The knowledge entry about the centres (where they are, when they open): what shown centres make the
 * conversation about (flows), and a follow-up's own topic when it names an office (knowledge service).
 */
export const CENTRES_TOPIC = 'centres-locations';

/** The knowledge entry about appointments: what a booking in progress, or one just made, makes a question about. */
export const APPOINTMENT_TOPIC = 'centres-appointment';
