import { describe, expect, it } from 'vitest';
import { LatestAnswer } from '../../../renderer/state/latest-answer.ts';

describe('LatestAnswer', () => {
  it('lets only the newest request apply its answer', () => {
    const answers = new LatestAnswer();
    const first = answers.begin();
    const second = answers.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('supersede() makes every request in flight out of date', () => {
    const answers = new LatestAnswer();
    const pending = answers.begin();
    answers.supersede();
    expect(pending()).toBe(false);
    expect(answers.begin()()).toBe(true);
  });

  it('keeps separate instances apart', () => {
    const search = new LatestAnswer();
    const annotations = new LatestAnswer();
    const query = search.begin();
    annotations.begin();
    expect(query()).toBe(true);
  });
});
