import * as migration_20261123_214033_initial from './20261123_214033_initial';

export const migrations = [
  {
    up: migration_20261123_214033_initial.up,
    down: migration_20261123_214033_initial.down,
    name: '20261123_214033_initial'
  },
];
