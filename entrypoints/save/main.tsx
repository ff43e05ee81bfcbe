import { render } from 'preact';
import { relayLibraryChanges } from '../../utils/relay-library-changes';
import { App } from './App';
import '../../components/extension-page.css';
import './save.css';

relayLibraryChanges();
render(<App />, document.getElementById('app')!);
