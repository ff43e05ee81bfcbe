import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityEditForm } from '../../../components/EntityEditForm';
import { NewEntityForm } from '../../../components/NewEntityForm';
import { MAX_NAME_CHARS, MAX_NAME_WORDS, namesLimitProblem } from '../../../lib/matcher/name-limits';

afterEach(cleanup);

const LONG = 'x'.repeat(MAX_NAME_CHARS + 1);
const WORDY = Array.from({ length: MAX_NAME_WORDS + 1 }, (_, i) => `w${i}`).join(' ');

/** The text of the note a field points to with aria-describedby. */
const noteOf = (field: HTMLElement) => document.getElementById(field.getAttribute('aria-describedby')!)?.textContent;

describe('name limits in the entity forms', () => {
  it('says which name is over the limits, in the validator’s words', () => {
    expect(namesLimitProblem(['Xi', 'Mr Chairman Xi'])).toBeUndefined();
    expect(namesLimitProblem(['Xi', LONG])).toBe(`“${'x'.repeat(40)}…” is too long to match on pages: 201 characters, at most 200 allowed. Shorten it or leave it out.`);
    expect(namesLimitProblem([WORDY])).toMatch(/^“w0 w1 .*” is too many words to match on pages: 17, at most 16 allowed\./u);
  });

  it('the edit form refuses to save an alias over the limits, says why beside it, and saves once it is fixed', () => {
    const onSave = vi.fn();
    render(<EntityEditForm name="Xi Jinping" alternateName={['Xi']} hidden={false} edited={false} onSave={onSave} onReset={() => {}} />);
    const aliases = screen.getByLabelText('Other names of Xi Jinping, one per line');
    fireEvent.input(aliases, { target: { value: `Xi\n${LONG}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(aliases.getAttribute('aria-invalid')).toBe('true');
    expect(noteOf(aliases)).toContain('is too long to match on pages: 201 characters, at most 200 allowed');
    expect(document.activeElement).toBe(aliases);
    fireEvent.input(aliases, { target: { value: 'Xi\nChairman Xi' } });
    expect(aliases.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).toHaveBeenCalledWith({ alternateName: ['Xi', 'Chairman Xi'], description: '', hidden: false });
  });

  it('the new entity form refuses a name or an alias over the limits', () => {
    const onAdd = vi.fn();
    render(<NewEntityForm onAdd={onAdd} />);
    const name = screen.getByLabelText('Name');
    const aliases = screen.getByLabelText('Other names, one per line');
    fireEvent.input(name, { target: { value: WORDY } });
    fireEvent.click(screen.getByRole('button', { name: 'Add entity' }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(noteOf(name)).toContain('too many words to match on pages: 17, at most 16 allowed');
    fireEvent.input(name, { target: { value: 'Harbour Trust' } });
    fireEvent.input(aliases, { target: { value: LONG } });
    fireEvent.click(screen.getByRole('button', { name: 'Add entity' }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(noteOf(name)).toBe('');
    expect(aliases.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(aliases, { target: { value: 'The Trust' } });
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'Organization' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add entity' }));
    expect(onAdd).toHaveBeenCalledWith({ name: 'Harbour Trust', type: 'Organization', alternateName: ['The Trust'], description: undefined });
  });

  it('the new entity form refuses ordinary words as other names (they would mark every “the” on every page)', () => {
    const onAdd = vi.fn();
    render(<NewEntityForm onAdd={onAdd} />);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Shehbaz Sharif' } });
    const aliases = screen.getByLabelText('Other names, one per line');
    fireEvent.input(aliases, { target: { value: 'Sharif\nthe\nand' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add entity' }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(noteOf(aliases)).toContain('“the” is an ordinary word');
    fireEvent.input(aliases, { target: { value: 'Sharif' } });
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'Person' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add entity' }));
    expect(onAdd).toHaveBeenCalledWith({ name: 'Shehbaz Sharif', type: 'Person', alternateName: ['Sharif'], description: undefined });
  });

  it('the new entity form asks what kind of thing it is: no type is preselected, and none chosen is refused beside the field', () => {
    const onAdd = vi.fn();
    render(<NewEntityForm onAdd={onAdd} />);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Harbour Trust' } });
    const type = screen.getByLabelText('Type') as HTMLSelectElement;
    expect(type.value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Add entity' }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(noteOf(type)).toBe('Choose what kind of thing it is.');
    expect(type.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(type, { target: { value: 'Organization' } });
    expect(noteOf(type)).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Add entity' }));
    expect(onAdd).toHaveBeenCalledWith({ name: 'Harbour Trust', type: 'Organization', alternateName: [], description: undefined });
    expect(type.value).toBe('');
  });
});
