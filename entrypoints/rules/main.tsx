import { createRoot } from 'react-dom/client';
import { RulesReference } from '../../components/RulesReference';
import { applyDevtoolsTheme } from '../devtools-panel/theme';
import '../devtools-panel/style.css';

applyDevtoolsTheme();
createRoot(document.getElementById('root')!).render(<RulesReference />);
// The panel links to #rule-id; the list renders after the hash was read, so scroll once it exists.
if (location.hash) requestAnimationFrame(() => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView());
