import { render } from 'preact';
import '../../components/entity-card.css';
import { App } from './App';
import './popup.css';
import { searchSourceFor } from './search-source';

render(<App source={searchSourceFor(location.search)} search={location.search} />, document.getElementById('app')!);
