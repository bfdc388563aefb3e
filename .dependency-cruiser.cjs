/**
 * The layers of the house, checked in CI (`npm run lint:deps`): they only point down.
 * server → channels → runtime → features (booking, handoff, staff, knowledge, reports) → flows/understanding → core;
 * storage and coordination sit below the runtime and know nothing above them.
 */
const FEATURES = '^src/(booking|handoff|staff|knowledge|reports|curation)/';
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'A cycle makes two modules one; split what they share.', from: { path: '^src/' }, to: { circular: true } },
    {
      name: 'core-stays-pure',
      severity: 'error',
      comment: 'The core (messages, the turn, degrade) knows no channel, storage, coordination, runtime, server or feature.',
      from: { path: '^src/core/' },
      to: { path: ['^src/(channels|storage|coordination|runtime|server|cli)/', FEATURES] },
    },
    {
      name: 'flows-and-understanding-below-features',
      severity: 'error',
      from: { path: '^src/(flows|understanding)/' },
      to: { path: ['^src/(channels|storage|coordination|runtime|server|cli)/', FEATURES] },
    },
    {
      name: 'storage-knows-nothing-above',
      severity: 'error',
      from: { path: '^src/(storage|coordination)/' },
      to: { path: ['^src/(channels|runtime|server|cli|flows)/', FEATURES] },
    },
    {
      name: 'features-below-channels',
      severity: 'error',
      comment: 'Features (booking, handoff, staff, knowledge) know no channel, server or command line.',
      from: { path: FEATURES },
      to: { path: '^src/(channels|server|cli)/' },
    },
    {
      name: 'features-point-one-way',
      severity: 'error',
      comment: 'handoff may use booking and staff; booking may use staff; curation may use knowledge and staff; knowledge and staff use no other feature.',
      from: { path: '^src/(booking|knowledge|staff|handoff)/' },
      to: { path: '^src/curation/' },
    },
    {
      name: 'nothing-below-uses-handoff',
      severity: 'error',
      from: { path: '^src/(booking|knowledge|staff)/' },
      to: { path: '^src/handoff/' },
    },
    {
      name: 'staff-and-knowledge-stand-alone',
      severity: 'error',
      from: { path: '^src/(staff|knowledge)/' },
      to: { path: '^src/(booking|handoff|curation)/' },
    },
    {
      name: 'runtime-below-channels',
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: { path: '^src/(channels|server|cli)/' },
    },
    {
      name: 'channels-apart',
      severity: 'error',
      comment: 'A channel adapter imports no other channel and not the server.',
      from: { path: '^src/channels/([^/]+)/' },
      to: { path: ['^src/channels/', '^src/server/'], pathNot: ['^src/channels/$1/', '^src/channels/[^/]+\\.ts$'] },
    },
    {
      name: 'channel-contract-knows-no-server',
      severity: 'error',
      from: { path: '^src/channels/[^/]+\\.ts$', pathNot: '^src/channels/registry\\.ts$' },
      to: { path: ['^src/server/', '^src/channels/[^/]+/'] },
    },
    {
      name: 'sdk-inside-its-adapter',
      severity: 'error',
      comment: 'Channel SDKs stay in their adapter folder so that each can be replaced alone.',
      from: { pathNot: ['^src/channels/(whatsapp|telegram|webchat)/', '^tests/', '^scripts/'] },
      to: { path: 'node_modules/(twilio|grammy|botbuilder[^/]*|botframework-[^/]+)/' },
    },
    {
      name: 'sdk-twilio-only-in-whatsapp',
      severity: 'error',
      from: { path: '^src/channels/(telegram|webchat)/' },
      to: { path: 'node_modules/twilio/' },
    },
    {
      name: 'sdk-grammy-only-in-telegram',
      severity: 'error',
      from: { path: '^src/channels/(whatsapp|webchat)/' },
      to: { path: 'node_modules/grammy/' },
    },
    {
      name: 'sdk-botbuilder-only-in-webchat',
      severity: 'error',
      from: { path: '^src/channels/(whatsapp|telegram)/' },
      to: { path: 'node_modules/(botbuilder[^/]*|botframework-[^/]+)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
