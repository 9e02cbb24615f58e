import * as migration_20261123_201752_initial from './20261123_201752_initial';

export const migrations = [
  {
    up: migration_20261123_201752_initial.up,
    down: migration_20261123_201752_initial.down,
    name: '20261123_201752_initial'
  },
];
