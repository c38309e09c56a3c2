// The theme's tab-from-address snippet, moved out of its inline script (overrides/partials/javascripts/content.html).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
