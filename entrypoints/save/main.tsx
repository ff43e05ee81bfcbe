import { render } from 'preact';
import { App } from './App';
import './save.css';

render(<App />, document.getElementById('app')!);
