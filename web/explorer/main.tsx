document.getElementById("root")!.textContent = "explorer";
