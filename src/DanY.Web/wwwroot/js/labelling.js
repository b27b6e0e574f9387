// Keyboard help for the labelling forms; the forms work without it.
// Ctrl+Enter (or Cmd+Enter) anywhere in a labelling form saves it.
document.addEventListener('keydown', function (e) {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
  var form = e.target && e.target.closest ? e.target.closest('form.labelling-save') : null;
  if (!form) return;
  e.preventDefault();
  var save = form.querySelector('button.save-default');
  if (form.requestSubmit) form.requestSubmit(save || undefined); else form.submit();
});
