browser.devtools.panels.create('Join Doctor', '', '/devtools-panel.html');
