import { createRoot } from 'react-dom/client';
import { RulesReference } from '../../components/RulesReference';
import { applyDevtoolsTheme } from '../devtools-panel/theme';
import '../devtools-panel/style.css';

applyDevtoolsTheme();
createRoot(document.getElementById('root')!).render(<RulesReference />);
