// Every page at desktop width; see pages.mjs.
import { pageSuite } from './pages.mjs';

pageSuite('desktop');
