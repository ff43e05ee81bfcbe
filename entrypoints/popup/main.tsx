import { render } from 'preact';
import { benchSearchSourceFor } from '../../bench/search/popup-search-sources';
import '../../components/entity-card.css';
import { App } from './App';
import './popup.css';
import { hybridSearchSource } from './search-source';

// Only the bench build (`wxt build --mode bench`) lets `?index=` choose a measured
// alternative; in every other build the condition is a constant and the bench code is dropped.
const source = import.meta.env.MODE === 'bench' ? benchSearchSourceFor(location.search) : hybridSearchSource();
render(<App source={source} search={location.search} />, document.getElementById('app')!);
