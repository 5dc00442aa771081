// Small progressive touches; every page works without this file.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button.copy');
  if (!button) return;
  var text = document.getElementById(button.dataset.copy);
  var status = button.parentElement.querySelector('.copied');
  var done = function () { if (status) status.textContent = 'Copied.'; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text.value).then(done, function () { text.select(); });
  } else {
    text.select();
    document.execCommand('copy');
    done();
  }
});
