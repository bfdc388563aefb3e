/** A typed line as an inbound message: "/menu" is a command, "/location 5.6,-0.19" a location. */
import { COMMAND_NAMES, type CommandName, type Inbound } from '../../core/messages.js';

export function parseTerminalLine(line: string): Inbound {
  const command = /^\/([a-z]+)\s*$/i.exec(line.trim());
  if (command && COMMAND_NAMES.includes(command[1]!.toLowerCase() as CommandName)) {
    return { kind: 'command', name: command[1]!.toLowerCase() as CommandName };
  }
  const location = /^\/location\s+(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/i.exec(line.trim());
  if (location) {
    const lat = Number(location[1]);
    const lon = Number(location[2]);
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { kind: 'location', lat, lon };
  }
  return { kind: 'text', text: line };
}
