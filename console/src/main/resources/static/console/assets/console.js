// htmx sends the CSRF token of the page with every request it makes (Spring Security's WebFlux default header)
document.addEventListener('htmx:configRequest', function (e) {
  var h = document.querySelector('meta[name="csrf-header"]');
  var t = document.querySelector('meta[name="csrf-token"]');
  if (h && t) { e.detail.headers[h.content] = t.content; }
});
// the problem summary takes the focus, so keyboard and screen-reader users hear what to fix
document.addEventListener('DOMContentLoaded', function () {
  var p = document.getElementById('problem');
  if (p) { p.focus(); }
});
