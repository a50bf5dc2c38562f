// Side panel entry: mounts the React app with its stylesheet.
import { markOpen } from '../../lib/panel/open-marks';
markOpen('panel-start');
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
