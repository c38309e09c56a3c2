// The theme's storage helpers, moved out of its inline script (overrides/partials/javascripts/base.html)
// so that the Content-Security-Policy needs no inline script. Same code as Material 9.x.
__md_scope=new URL(document.currentScript.dataset.scope||".",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
