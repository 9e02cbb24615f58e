import * as migration_20261123_214039_initial from './20261123_214039_initial';

export const migrations = [
  {
    up: migration_20261123_214039_initial.up,
    down: migration_20261123_214039_initial.down,
    name: '20261123_214039_initial'
  },
];
