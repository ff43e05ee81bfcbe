import { render } from 'preact';
import { App } from './App';
import '../../components/extension-page.css';
import './options.css';

render(<App />, document.getElementById('app')!);
